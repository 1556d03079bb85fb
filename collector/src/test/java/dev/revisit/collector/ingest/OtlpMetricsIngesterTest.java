package dev.revisit.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Scope;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import dev.revisit.collector.store.Series;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;

class OtlpMetricsIngesterTest {

    private static final long SEC = 1_000_000_000L;
    private static final long T0 = 1_800_000_000L * SEC;

    private final MemoryStore store = new MemoryStore();
    private final OtlpMetricsIngester ingester = new OtlpMetricsIngester(store);

    private static KeyValue kv(String k, String v) {
        return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v)).build();
    }

    private static ExportMetricsServiceRequest request(Metric metric) {
        return request(metric, kv("service.name", "catalog"), kv("host", "a"));
    }

    private static ExportMetricsServiceRequest request(Metric metric, KeyValue... resource) {
        Resource.Builder attributes = Resource.newBuilder();
        for (KeyValue kv : resource) attributes.addAttributes(kv);
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(attributes).addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(metric))).build();
    }

    private static Metric sum(String name, boolean monotonic, AggregationTemporality t, NumberDataPoint... points) {
        Sum.Builder sum = Sum.newBuilder().setIsMonotonic(monotonic).setAggregationTemporality(t);
        for (NumberDataPoint p : points) sum.addDataPoints(p);
        return Metric.newBuilder().setName(name).setSum(sum).build();
    }

    private static NumberDataPoint point(long start, long time, long value) {
        return NumberDataPoint.newBuilder().setStartTimeUnixNano(start).setTimeUnixNano(time).setAsInt(value)
                .addAttributes(kv("host", "b")).build();
    }

    @Test
    void counterResetOverOtlpKeepsTheIncreaseWhole() {
        long start = T0 - 3600 * SEC;
        var cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
        ingester.ingest(request(sum("c", true, cumulative, point(start, T0, 100), point(start, T0 + 60 * SEC, 160))));
        // the process restarted: a new start time and a lower value
        long restart = T0 + 90 * SEC;
        ingester.ingest(request(sum("c", true, cumulative, point(restart, T0 + 120 * SEC, 25), point(restart, T0 + 180 * SEC, 40))));
        Series c = store.find("c", l -> true).get(0);
        assertEquals(MetricKind.COUNTER, c.kind());
        assertEquals("b", c.labels().get("host"), "the point's attribute wins");
        assertEquals(60 + 25 + 15, store.increase(c, T0 / 1_000_000, (T0 + 180 * SEC) / 1_000_000).getAsDouble(), 1e-9);
        // from the restart on: the new run counts from zero at its start
        assertEquals(40, store.increase(c, (T0 + 60 * SEC) / 1_000_000, (T0 + 180 * SEC) / 1_000_000).getAsDouble(), 1e-9);
    }

    @Test
    void theOlderEnvironmentAttributeIsReadAsTheCurrentOneUnlessThatIsSet() {
        var cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
        ingester.ingest(request(sum("older", true, cumulative, point(T0, T0 + SEC, 1)),
                kv("service.name", "catalog"), kv("deployment.environment", "prod")));
        ingester.ingest(request(sum("both", true, cumulative, point(T0, T0 + SEC, 1)),
                kv("service.name", "catalog"), kv("deployment.environment", "legacy"), kv("deployment.environment.name", "prod")));
        ingester.ingest(request(sum("emptyCurrent", true, cumulative, point(T0, T0 + SEC, 1)),
                kv("service.name", "catalog"), kv("deployment.environment", "prod"), kv("deployment.environment.name", "")));
        ingester.ingest(request(sum("neither", true, cumulative, point(T0, T0 + SEC, 1)), kv("service.name", "catalog")));

        Scope prod = new Scope(java.util.Map.of("deployment.environment.name", "prod"));
        for (String metric : java.util.List.of("older", "both", "emptyCurrent")) {
            Series s = store.find(metric, l -> true).get(0);
            assertTrue(prod.matches(s.labels()::get), metric + ": " + s.labels());
        }
        // the older attribute itself is kept as sent: a scope on it still finds its series
        assertEquals("legacy", store.find("both", l -> true).get(0).labels().get("deployment.environment"));
        assertEquals(null, store.find("neither", l -> true).get(0).labels().get("deployment.environment.name"));
    }

    @Test
    void nonMonotonicCumulativeSumIsAGaugeAndItsDeltaFormIsRejected() {
        var r = ingester.ingest(request(sum("pool.size", false, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
                point(T0, T0 + SEC, 12))));
        assertEquals(1, r.accepted());
        Series s = store.find("pool.size", l -> true).get(0);
        assertEquals(MetricKind.GAUGE, s.kind());
        assertEquals(12, store.gauge(s, 0, Long.MAX_VALUE).orElseThrow().last());

        var delta = ingester.ingest(request(sum("updown", false, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, point(T0, T0 + SEC, 1))));
        var unspecified = ingester.ingest(request(sum("x", true, AggregationTemporality.AGGREGATION_TEMPORALITY_UNSPECIFIED, point(T0, T0 + SEC, 1))));
        assertEquals(0, delta.accepted());
        assertTrue(delta.rejected().message().contains("non-monotonic delta"), delta.rejected().message());
        assertTrue(unspecified.rejected().message().contains("unspecified temporality"), unspecified.rejected().message());
    }

    @Test
    void aCounterGoingNegativeOrBackInTimeIsRejected() {
        var cumulative = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
        var r = ingester.ingest(request(sum("c", true, cumulative, point(T0, T0 + 10 * SEC, 5), point(T0, T0 + 5 * SEC, 6),
                point(T0, T0 + 20 * SEC, -1))));
        assertEquals(1, r.accepted());
        assertEquals("2 data points rejected: 1 older than the series' last point (first in metric c); "
                + "1 negative in a monotonic sum (first in metric c)", r.rejected().message());
    }

    @Test
    void exponentialHistogramCountsZeroAndNegativeValuesInItsLowestBucket() {
        ExponentialHistogramDataPoint p = ExponentialHistogramDataPoint.newBuilder()
                .setStartTimeUnixNano(T0).setTimeUnixNano(T0 + SEC).setScale(0).setZeroCount(2).setSum(9).setCount(7)
                .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(1).addBucketCounts(3).addBucketCounts(1))
                .setNegative(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(0).addBucketCounts(1))
                .build();
        var r = ingester.ingest(request(Metric.newBuilder().setName("h").setExponentialHistogram(ExponentialHistogram.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA).addDataPoints(p)).build()));
        assertEquals(1, r.accepted());
        var h = store.histogramIncrease(store.find("h", l -> true).get(0), 0, Long.MAX_VALUE).orElseThrow();
        // scale 0: bucket 1 is (2, 4], bucket 2 is (4, 8]
        assertEquals(java.util.List.of(2.0, 4.0, 8.0), java.util.Arrays.stream(h.bounds()).boxed().toList());
        assertEquals(java.util.List.of(3L, 3L, 1L, 0L), java.util.Arrays.stream(h.counts()).boxed().toList());
        assertEquals(7, h.count());
    }
}
