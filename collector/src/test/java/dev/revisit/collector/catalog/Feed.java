package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes known data into a real {@link MemoryStore}, the way ingest does: cumulative counters and
 * histograms, gauge samples. Times are minutes after {@link #T0}.
 */
public final class Feed {

    /** A round instant the tests count minutes from. */
    public static final long T0 = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
    private static final long START = T0 - 3_600_000;

    private final MemoryStore store;

    public Feed() {
        this(new MemoryStore());
    }

    /** Feeds {@code store}, e.g. a persistent store's. */
    public Feed(MemoryStore store) {
        this.store = store;
    }

    public MemoryStore store() {
        return store;
    }

    public static long minute(double m) {
        return T0 + (long) (m * 60_000);
    }

    /** "k=v,k=v" → labels. */
    public static Labels labels(String spec) {
        Map<String, String> map = new HashMap<>();
        for (String pair : spec.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                map.put(kv[0].trim(), kv[1].trim());
            }
        }
        return Labels.of(map);
    }

    /** A counter at 0 at T0 and at {@code value} at {@code minute}. */
    public Feed counter(String metric, String labels, double value, double atMinute) {
        var s = store.open(metric, MetricKind.COUNTER, labels(labels));
        s.addCounter(START, T0, 0, false);
        s.addCounter(START, minute(atMinute), value, false);
        return this;
    }

    /** A cumulative counter sample at {@code minute}. */
    public Feed counterAt(String metric, String labels, double atMinute, double value) {
        store.open(metric, MetricKind.COUNTER, labels(labels)).addCounter(START, minute(atMinute), value, false);
        return this;
    }

    /** A histogram empty at T0 and holding {@code counts} (and {@code sum}) at {@code minute}. */
    public Feed histogram(String metric, String labels, double[] bounds, long[] counts, double sum, double atMinute) {
        var s = store.open(metric, MetricKind.HISTOGRAM, labels(labels));
        s.addHistogram(START, T0, bounds, new long[counts.length], 0, false);
        s.addHistogram(START, minute(atMinute), bounds, counts, sum, false);
        return this;
    }

    /** A cumulative histogram sample at {@code minute}. */
    public Feed histogramAt(String metric, String labels, double[] bounds, double atMinute, long[] counts, double sum) {
        store.open(metric, MetricKind.HISTOGRAM, labels(labels)).addHistogram(START, minute(atMinute), bounds, counts, sum, false);
        return this;
    }

    /** Gauge samples, one a minute from {@code firstMinute}. */
    public Feed gauge(String metric, String labels, double firstMinute, double... values) {
        var s = store.open(metric, MetricKind.GAUGE, labels(labels));
        for (int i = 0; i < values.length; i++) {
            s.addGauge(minute(firstMinute + i), values[i]);
        }
        return this;
    }
}
