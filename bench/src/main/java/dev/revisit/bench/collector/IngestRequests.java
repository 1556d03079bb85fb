package dev.revisit.bench.collector;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * One sender's OTLP request, serialised once: a cumulative counter, a gauge and an explicit
 * histogram family with contract-like attributes. Every point carries the same time, written
 * as a sentinel whose byte offsets are remembered, so {@link #at(long)} re-times the request
 * by patching 8 bytes per point instead of serialising again: the sender's CPU stays out of
 * the measurement.
 */
final class IngestRequests {

    private static final long SENTINEL = 0x7E57_7E57_1234_5678L;
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    private final byte[] bytes;
    private final int[] timeOffsets;
    final int points;

    /** {@code points} data points: 40 % counter, 40 % gauge, 20 % histogram, for instance {@code instance}. */
    IngestRequests(int instance, int points, long startNanos) {
        int counters = points * 2 / 5, gauges = points * 2 / 5, histograms = points - counters - gauges;
        Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        for (int i = 0; i < counters; i++) {
            sum.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(startNanos).setTimeUnixNano(SENTINEL)
                    .setAsInt(1000L + i).addAllAttributes(attributes("cache.name", "cache-" + (i / 2), "cache.result", i % 2 == 0 ? "hit" : "miss")));
        }
        Gauge.Builder gauge = Gauge.newBuilder();
        for (int i = 0; i < gauges; i++) {
            gauge.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(SENTINEL).setAsDouble(i * 0.5)
                    .addAllAttributes(attributes("messaging.destination.name", "topic-" + (i / 8), "messaging.destination.partition.id", "" + (i % 8))));
        }
        Histogram.Builder histogram = Histogram.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        for (int i = 0; i < histograms; i++) {
            HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder().setStartTimeUnixNano(startNanos).setTimeUnixNano(SENTINEL)
                    .setCount(15 * 10).setSum(12.5).addAllAttributes(attributes("db.operation.name", "SELECT", "db.collection.name", "table_" + i));
            for (double b : BOUNDS) p.addExplicitBounds(b);
            for (int b = 0; b <= BOUNDS.length; b++) p.addBucketCounts(10);
            histogram.addDataPoints(p);
        }
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(attributes("service.name", "bench-service",
                        "service.instance.id", "instance-" + instance, "deployment.environment.name", "bench")))
                .addScopeMetrics(ScopeMetrics.newBuilder()
                        .addMetrics(Metric.newBuilder().setName("revisit.cache.requests").setSum(sum))
                        .addMetrics(Metric.newBuilder().setName("revisit.messaging.consumer.lag").setGauge(gauge))
                        .addMetrics(Metric.newBuilder().setName("db.client.operation.duration").setUnit("s").setHistogram(histogram))))
                .build();
        this.bytes = request.toByteArray();
        this.points = points;
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (readLittleEndian(i) == SENTINEL) offsets.add(i);
        }
        if (offsets.size() != points) throw new IllegalStateException("found " + offsets.size() + " time fields for " + points + " points");
        this.timeOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The request re-timed to {@code timeNanos} (a fresh copy, safe to hand to another thread). */
    byte[] at(long timeNanos) {
        byte[] copy = bytes.clone();
        for (int offset : timeOffsets) {
            long v = timeNanos;
            for (int b = 0; b < 8; b++) {
                copy[offset + b] = (byte) v;
                v >>>= 8;
            }
        }
        return copy;
    }

    int size() {
        return bytes.length;
    }

    private long readLittleEndian(int at) {
        long v = 0;
        for (int b = 7; b >= 0; b--) v = (v << 8) | (bytes[at + b] & 0xff);
        return v;
    }

    private static List<KeyValue> attributes(String... kv) {
        List<KeyValue> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(KeyValue.newBuilder().setKey(kv[i]).setValue(AnyValue.newBuilder().setStringValue(kv[i + 1])).build());
        }
        return out;
    }
}
