package dev.revisit.collector.dashboards;

import dev.revisit.collector.catalog.Feed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * One recording of the signals contract's metrics, written twice: into the embedded store (as
 * OTLP ingest stores it: cumulative counters, per-bucket histograms, gauge samples) and as
 * OpenMetrics text under the names Prometheus gives the same OpenTelemetry metrics (for
 * {@code promtool tsdb create-blocks-from openmetrics}). Samples every {@link #STEP_SECONDS} from
 * {@link Feed#T0}.
 */
final class ContractRecording {

    static final int STEP_SECONDS = 15;
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final int steps;
    private final Feed feed = new Feed();
    private final Map<String, StringBuilder> families = new LinkedHashMap<>();

    ContractRecording(int steps) {
        this.steps = steps;
    }

    Feed feed() {
        return feed;
    }

    /** The OpenMetrics text, one family's samples together as the format wants. */
    String openMetrics() {
        StringBuilder all = new StringBuilder();
        families.values().forEach(all::append);
        return all.append("# EOF\n").toString();
    }

    /** A counter growing by {@code perSecond}. {@code attributes}: {@code k=v,k=v} with the contract's dotted names. */
    ContractRecording counter(String metric, String promName, String attributes, double perSecond) {
        StringBuilder text = family(promName, "counter");
        for (int i = 0; i <= steps; i++) {
            long t = (long) i * STEP_SECONDS;
            feed.counterAt(metric, attributes, t / 60.0, perSecond * t);
            sample(text, promName + "_total", labels(attributes), perSecond * t, t);
        }
        return this;
    }

    /**
     * A histogram observing {@code perSecond[i]} values a second into bucket i (of {@link #BOUNDS},
     * the last one the overflow), each taking {@code meanSeconds[i]}.
     */
    ContractRecording histogram(String metric, String promName, String attributes, long[] perSecond, double[] meanSeconds) {
        StringBuilder text = family(promName, "histogram");
        String labels = labels(attributes);
        StringBuilder buckets = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i <= steps; i++) {
            long t = (long) i * STEP_SECONDS;
            long[] perBucket = new long[BOUNDS.length + 1];
            double sum = 0;
            long cumulative = 0;
            for (int b = 0; b < perBucket.length; b++) {
                perBucket[b] = perSecond[b] * t;
                sum += perBucket[b] * meanSeconds[b];
                cumulative += perBucket[b];
                String le = b < BOUNDS.length ? Double.toString(BOUNDS[b]) : "+Inf";
                sample(buckets, promName + "_bucket", labels + ",le=\"" + le + "\"", cumulative, t);
            }
            sample(counts, promName + "_count", labels, cumulative, t);
            sample(sums, promName + "_sum", labels, sum, t);
            feed.histogramAt(metric, attributes, BOUNDS, t / 60.0, perBucket, sum);
        }
        text.append(buckets).append(counts).append(sums);
        return this;
    }

    /** A gauge whose value at {@code t} seconds is {@code value(t)}. */
    ContractRecording gauge(String metric, String promName, String attributes, LongToDoubleFunction value) {
        StringBuilder text = family(promName, "gauge");
        for (int i = 0; i <= steps; i++) {
            long t = (long) i * STEP_SECONDS;
            feed.gauge(metric, attributes, t / 60.0, value.applyAsDouble(t));
            sample(text, promName, labels(attributes), value.applyAsDouble(t), t);
        }
        return this;
    }

    private StringBuilder family(String name, String type) {
        return families.computeIfAbsent(name, n -> new StringBuilder("# TYPE " + n + " " + type + "\n"));
    }

    /** {@code a.b=x,c=y} → {@code a_b="x",c_y="y"}, as Prometheus names OpenTelemetry attributes. */
    private static String labels(String attributes) {
        StringBuilder labels = new StringBuilder();
        for (String pair : attributes.split(",")) {
            String[] kv = pair.split("=", 2);
            if (labels.length() > 0) {
                labels.append(',');
            }
            labels.append(kv[0].trim().replace('.', '_')).append("=\"").append(kv[1].trim()).append('"');
        }
        return labels.toString();
    }

    private static void sample(StringBuilder text, String name, String labels, double value, long t) {
        text.append(name).append('{').append(labels).append("} ").append(String.format(Locale.ROOT, "%s %d", value,
                Feed.T0 / 1000 + t)).append('\n');
    }
}
