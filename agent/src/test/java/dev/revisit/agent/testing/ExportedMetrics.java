package dev.revisit.agent.testing;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a child JVM exported over OTLP, decoded. The agent exports cumulative values, so the
 * latest request that carries a metric holds all of it; queries read that one.
 * <pre>{@code
 * run.otlp().metric("db.client.operation.duration").withAttr("db.operation.name", "SELECT").count()
 * }</pre>
 */
public final class ExportedMetrics {
    private final List<ExportMetricsServiceRequest> requests;
    private final Map<String, Metric> latest = new LinkedHashMap<>();
    private final Map<String, String> resource = new LinkedHashMap<>();

    ExportedMetrics(List<ExportMetricsServiceRequest> requests) {
        this.requests = requests;
        for (ExportMetricsServiceRequest request : requests) {
            for (ResourceMetrics rm : request.getResourceMetricsList()) {
                for (KeyValue kv : rm.getResource().getAttributesList()) {
                    resource.put(kv.getKey(), text(kv.getValue()));
                }
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric metric : sm.getMetricsList()) {
                        latest.put(metric.getName(), metric);
                    }
                }
            }
        }
    }

    public int requestCount() {
        return requests.size();
    }

    /** What had been exported as of each export, oldest first: two of them bound a window. */
    public List<ExportedMetrics> asOfEachExport() {
        List<ExportedMetrics> result = new ArrayList<>();
        for (int i = 1; i <= requests.size(); i++) {
            result.add(new ExportedMetrics(requests.subList(0, i)));
        }
        return result;
    }

    /**
     * Each export on its own, oldest first. Every export carries all the agent had at the time, so
     * one alone says what was exported then — and what no longer was: a gauge series that was
     * cleared is missing from the exports after it, where {@link #metric} would still find it in
     * an earlier one.
     */
    public List<ExportedMetrics> each() {
        return requests.stream().map(r -> new ExportedMetrics(List.of(r))).toList();
    }

    /** The last export alone: what was exported at the end (the agent exports once more as the program exits). */
    public ExportedMetrics last() {
        return new ExportedMetrics(requests.isEmpty() ? List.of() : List.of(requests.get(requests.size() - 1)));
    }

    /** The metric's points narrowed by {@code narrow}, export by export, oldest first: empty where it had none. */
    public List<Points> history(String name, UnaryOperator<Points> narrow) {
        return each().stream().map(e -> narrow.apply(e.metric(name))).toList();
    }

    /** A gauge's value (summed over the narrowed points) export by export, oldest first: NaN where an export had none. */
    public List<Double> valueHistory(String name, UnaryOperator<Points> narrow) {
        return history(name, narrow).stream().map(p -> p.points().isEmpty() ? Double.NaN : p.value()).toList();
    }

    /**
     * The narrowed points as the last export that had any of them had them: a gauge's value just
     * before its series went, when it went. Empty when no export had them.
     */
    public Points lastWith(String name, UnaryOperator<Points> narrow) {
        Points found = new Points(name, null, List.of());
        for (Points points : history(name, narrow)) {
            if (!points.points().isEmpty()) {
                found = points;
            }
        }
        return found;
    }

    public Set<String> names() {
        return latest.keySet();
    }

    public Map<String, String> resource() {
        return resource;
    }

    /** The metric's points; empty (count 0) when it was never exported. */
    public Points metric(String name) {
        Metric metric = latest.get(name);
        List<Point> points = new ArrayList<>();
        if (metric != null) {
            switch (metric.getDataCase()) {
                case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(p ->
                        points.add(new Point(attributes(p.getAttributesList()), p.getCount(), p.getSum(), 0, p.getBucketCountsList(), p.getExplicitBoundsList())));
                case SUM -> metric.getSum().getDataPointsList().forEach(p ->
                        points.add(new Point(attributes(p.getAttributesList()), 0, 0, p.hasAsInt() ? p.getAsInt() : p.getAsDouble(), List.of(), List.of())));
                case GAUGE -> metric.getGauge().getDataPointsList().forEach(p ->
                        points.add(new Point(attributes(p.getAttributesList()), 0, 0, p.hasAsInt() ? p.getAsInt() : p.getAsDouble(), List.of(), List.of())));
                default -> throw new AssertionError(name + " has unexpected data " + metric.getDataCase());
            }
        }
        return new Points(name, metric, points);
    }

    /** Everything exported, as protobuf text: for "this string never appears anywhere" checks. */
    public String asText() {
        StringBuilder all = new StringBuilder();
        requests.forEach(r -> all.append(r).append('\n'));
        return all.toString();
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new LinkedHashMap<>();
        list.forEach(kv -> map.put(kv.getKey(), text(kv.getValue())));
        return map;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString();
        };
    }

    /** One exported point; histograms fill count/sum/buckets, counters and gauges fill value. */
    public record Point(Map<String, String> attributes, long count, double sum, double value, List<Long> bucketCounts, List<Double> bounds) {
        /** Histogram: the count in the buckets whose lower bound is at least {@code bound} — values known to be above it. */
        public long countFrom(double bound) {
            long count = 0;
            for (int i = 1; i < bucketCounts.size(); i++) {
                if (bounds.get(i - 1) >= bound) {
                    count += bucketCounts.get(i);
                }
            }
            return count;
        }
    }

    /** A metric's points, narrowed by attribute. */
    public static final class Points {
        private final String name;
        private final Metric metric;
        private final List<Point> points;

        Points(String name, Metric metric, List<Point> points) {
            this.name = name;
            this.metric = metric;
            this.points = points;
        }

        public Points withAttr(String key, String value) {
            return filter(p -> value.equals(p.attributes().get(key)));
        }

        public Points withoutAttr(String key) {
            return filter(p -> !p.attributes().containsKey(key));
        }

        public Points filter(Predicate<Point> predicate) {
            return new Points(name, metric, points.stream().filter(predicate).toList());
        }

        public boolean exists() {
            return metric != null;
        }

        public String unit() {
            return metric == null ? null : metric.getUnit();
        }

        public List<Point> points() {
            return points;
        }

        /** Histogram: total count over the points. */
        public long count() {
            return points.stream().mapToLong(Point::count).sum();
        }

        /** Histogram: total sum over the points. */
        public double sum() {
            return points.stream().mapToDouble(Point::sum).sum();
        }

        /** Counter or gauge: total value over the points. */
        public double value() {
            return points.stream().mapToDouble(Point::value).sum();
        }

        public Set<String> values(String attributeKey) {
            Set<String> values = new LinkedHashSet<>();
            points.forEach(p -> {
                if (p.attributes().containsKey(attributeKey)) {
                    values.add(p.attributes().get(attributeKey));
                }
            });
            return values;
        }

        @Override
        public String toString() {
            return name + " " + points;
        }
    }
}
