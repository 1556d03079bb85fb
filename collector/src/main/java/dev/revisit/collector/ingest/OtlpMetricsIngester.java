package dev.revisit.collector.ingest;

import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import dev.revisit.collector.store.StoredSeries;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.List;

/**
 * Stores the data points of an OTLP metrics export request: monotonic sums as counters,
 * gauges and non-monotonic cumulative sums as gauges, explicit and exponential histograms as
 * histograms, in either temporality. What cannot be stored is counted in {@link Rejections}.
 * Thread-safe; one instance serves every sender.
 */
public final class OtlpMetricsIngester {

    private static final int NO_RECORDED_VALUE = DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;
    private static final ThreadLocal<StringBuilder> KEY = ThreadLocal.withInitial(() -> new StringBuilder(256));

    private final SeriesResolver resolver;
    // running totals for the collector's own health metrics; LongAdder: senders add concurrently
    private final java.util.concurrent.atomic.LongAdder acceptedTotal = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rejectedTotal = new java.util.concurrent.atomic.LongAdder();

    public OtlpMetricsIngester(MemoryStore store) {
        this.resolver = new SeriesResolver(store);
    }

    /** Result of one request: points stored, and what was rejected and why. */
    public record Result(long accepted, Rejections rejected) {}

    public Result ingest(ExportMetricsServiceRequest request) {
        Rejections rejected = new Rejections();
        long accepted = 0;
        StringBuilder key = KEY.get();
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            List<KeyValue> resource = rm.getResource().getAttributesList();
            String resourceKey = SeriesResolver.resourceKey(resource);
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric metric : sm.getMetricsList()) {
                    accepted += ingest(metric, new Context(key, resourceKey, resource, rejected));
                }
            }
        }
        acceptedTotal.add(accepted);
        rejectedTotal.add(rejected.total());
        return new Result(accepted, rejected);
    }

    /** Data points stored since start. */
    public long acceptedTotal() {
        return acceptedTotal.sum();
    }

    /** Data points rejected since start (whole requests that did not parse are not counted here). */
    public long rejectedTotal() {
        return rejectedTotal.sum();
    }

    private record Context(StringBuilder key, String resourceKey, List<KeyValue> resource, Rejections rejected) {}

    private long ingest(Metric metric, Context c) {
        String name = metric.getName();
        return switch (metric.getDataCase()) {
            case GAUGE -> numbers(name, MetricKind.GAUGE, false, metric.getGauge().getDataPointsList(), c);
            case SUM -> {
                var sum = metric.getSum();
                AggregationTemporality t = sum.getAggregationTemporality();
                List<NumberDataPoint> points = sum.getDataPointsList();
                if (!known(t)) {
                    c.rejected.add("with unspecified temporality", name, points.size());
                    yield 0;
                }
                boolean delta = t == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
                if (!sum.getIsMonotonic() && delta) {
                    c.rejected.add("in non-monotonic delta sums (unsupported)", name, points.size());
                    yield 0;
                }
                yield numbers(name, sum.getIsMonotonic() ? MetricKind.COUNTER : MetricKind.GAUGE, delta, points, c);
            }
            case HISTOGRAM -> {
                var h = metric.getHistogram();
                if (!known(h.getAggregationTemporality())) {
                    c.rejected.add("with unspecified temporality", name, h.getDataPointsCount());
                    yield 0;
                }
                yield histograms(name, h.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
                        h.getDataPointsList(), c);
            }
            case EXPONENTIAL_HISTOGRAM -> {
                var h = metric.getExponentialHistogram();
                if (!known(h.getAggregationTemporality())) {
                    c.rejected.add("with unspecified temporality", name, h.getDataPointsCount());
                    yield 0;
                }
                yield exponentials(name, h.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
                        h.getDataPointsList(), c);
            }
            case SUMMARY -> {
                c.rejected.add("in summaries (unsupported: send histograms)", name, metric.getSummary().getDataPointsCount());
                yield 0;
            }
            case DATA_NOT_SET -> 0;
        };
    }

    private static boolean known(AggregationTemporality t) {
        return t == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
                || t == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
    }

    private long numbers(String name, MetricKind kind, boolean delta, List<NumberDataPoint> points, Context c) {
        long accepted = 0;
        for (int i = 0, n = points.size(); i < n; i++) {
            NumberDataPoint p = points.get(i);
            if ((p.getFlags() & NO_RECORDED_VALUE) != 0) continue;
            double value = p.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? p.getAsInt() : p.getAsDouble();
            if (p.getValueCase() == NumberDataPoint.ValueCase.VALUE_NOT_SET) {
                c.rejected.add("without a value", name, 1);
                continue;
            }
            if (!Double.isFinite(value)) {
                c.rejected.add("not finite (NaN or infinite)", name, 1);
                continue;
            }
            if (p.getTimeUnixNano() == 0) {
                c.rejected.add("without a time", name, 1);
                continue;
            }
            StoredSeries s = series(name, kind, p.getAttributesList(), c);
            if (s == null) continue;
            long time = millis(p.getTimeUnixNano());
            boolean ok = kind == MetricKind.GAUGE ? s.addGauge(time, value)
                    : s.addCounter(millis(p.getStartTimeUnixNano()), time, value, delta);
            if (ok) accepted++;
            else c.rejected.add(value < 0 ? "negative in a monotonic sum" : "older than the series' last point", name, 1);
        }
        return accepted;
    }

    private long histograms(String name, boolean delta, List<HistogramDataPoint> points, Context c) {
        long accepted = 0;
        for (int i = 0, n = points.size(); i < n; i++) {
            HistogramDataPoint p = points.get(i);
            if ((p.getFlags() & NO_RECORDED_VALUE) != 0) continue;
            if (p.getBucketCountsCount() != p.getExplicitBoundsCount() + 1) {
                c.rejected.add("with bucket counts not matching the bounds", name, 1);
                continue;
            }
            if (p.getTimeUnixNano() == 0) {
                c.rejected.add("without a time", name, 1);
                continue;
            }
            double sum = p.hasSum() ? p.getSum() : 0;
            if (!Double.isFinite(sum) || !ascending(p.getExplicitBoundsList())) {
                c.rejected.add("with a non-finite sum or unordered bounds", name, 1);
                continue;
            }
            StoredSeries s = series(name, MetricKind.HISTOGRAM, p.getAttributesList(), c);
            if (s == null) continue;
            double[] bounds = new double[p.getExplicitBoundsCount()];
            for (int b = 0; b < bounds.length; b++) bounds[b] = p.getExplicitBounds(b);
            long[] counts = new long[p.getBucketCountsCount()];
            for (int b = 0; b < counts.length; b++) counts[b] = p.getBucketCounts(b);
            if (s.addHistogram(millis(p.getStartTimeUnixNano()), millis(p.getTimeUnixNano()), bounds, counts, sum, delta)) {
                accepted++;
            } else {
                c.rejected.add("older than the series' last point or with negative counts", name, 1);
            }
        }
        return accepted;
    }

    private static boolean ascending(List<Double> bounds) {
        for (int i = 0; i < bounds.size(); i++) {
            double b = bounds.get(i);
            if (Double.isNaN(b) || (i > 0 && b <= bounds.get(i - 1))) return false;
        }
        return true;
    }

    private long exponentials(String name, boolean delta, List<ExponentialHistogramDataPoint> points, Context c) {
        long accepted = 0;
        for (int i = 0, n = points.size(); i < n; i++) {
            ExponentialHistogramDataPoint p = points.get(i);
            if ((p.getFlags() & NO_RECORDED_VALUE) != 0) continue;
            if (p.getTimeUnixNano() == 0) {
                c.rejected.add("without a time", name, 1);
                continue;
            }
            double sum = p.hasSum() ? p.getSum() : 0;
            if (!Double.isFinite(sum) || p.getScale() < -10 || p.getScale() > 20) {
                c.rejected.add("with a non-finite sum or a scale outside [-10, 20]", name, 1);
                continue;
            }
            StoredSeries s = series(name, MetricKind.HISTOGRAM, p.getAttributesList(), c);
            if (s == null) continue;
            var positive = p.getPositive();
            long[] counts = new long[positive.getBucketCountsCount()];
            for (int b = 0; b < counts.length; b++) counts[b] = positive.getBucketCounts(b);
            long negative = 0;
            for (int b = 0; b < p.getNegative().getBucketCountsCount(); b++) negative += p.getNegative().getBucketCounts(b);
            if (s.addExponentialHistogram(millis(p.getStartTimeUnixNano()), millis(p.getTimeUnixNano()), p.getScale(),
                    p.getZeroCount(), positive.getOffset(), counts, negative, sum, delta)) {
                accepted++;
            } else {
                c.rejected.add("older than the series' last point or with negative counts", name, 1);
            }
        }
        return accepted;
    }

    private StoredSeries series(String name, MetricKind kind, List<KeyValue> attributes, Context c) {
        StoredSeries s = resolver.resolve(c.key, name, kind, c.resourceKey, c.resource, attributes);
        if (s == null) c.rejected.add("over the series cap or conflicting with a series of another kind", name, 1);
        return s;
    }

    private static long millis(long unixNanos) {
        return unixNanos / 1_000_000;
    }
}
