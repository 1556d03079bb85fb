package dev.revisit.collector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryStoreTest {

    private static final long T0 = 1_800_000_000_000L; // a round epoch millisecond, 2027-01-15
    private static final long S = 1000, M = 60_000, H = 3_600_000;

    private final MemoryStore store = new MemoryStore();

    private static Series counter(String name, String... kv) {
        return new Series(name, MetricKind.COUNTER, labels(kv));
    }

    private static Labels labels(String... kv) {
        java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new Labels(m);
    }

    @Test
    void cumulativeCounterIncreaseIsTheDifferenceAcrossTheWindow() {
        Series s = counter("revisit.cache.requests", "cache.result", "hit");
        StoredSeries w = store.open(s);
        long start = T0 - H; // a run that began long before: not counted from zero
        for (int i = 0; i <= 60; i++) w.addCounter(start, T0 + i * M, 100 + 10 * i, false);
        assertEquals(300, store.increase(s, T0 + 10 * M, T0 + 40 * M).getAsDouble(), 1e-9);
        // window starting before the first sample: the first sample is the baseline
        assertEquals(600, store.increase(s, T0 - H, T0 + 60 * M).getAsDouble(), 1e-9);
        // window between samples uses the last sample at or before each end
        assertEquals(10, store.increase(s, T0 + 10 * M + 30 * S, T0 + 11 * M + 30 * S).getAsDouble(), 1e-9);
        assertTrue(store.increase(s, T0 + 2 * H, T0 + 3 * H).isEmpty(), "no sample in the window");
        assertTrue(store.increase(counter("unknown"), T0, T0 + H).isEmpty());
    }

    @Test
    void counterResetStartsANewRunWithoutLosingTheGrowth() {
        Series s = counter("c");
        StoredSeries w = store.open(s);
        w.addCounter(T0 - H, T0, 1000, false);
        w.addCounter(T0 - H, T0 + M, 1050, false);
        w.addCounter(T0 + M + 30 * S, T0 + 2 * M, 20, false); // process restarted: new start time, value dropped
        w.addCounter(T0 + M + 30 * S, T0 + 3 * M, 70, false);
        assertEquals(50 + 20 + 50, store.increase(s, T0, T0 + 3 * M).getAsDouble(), 1e-9);
        // a drop without a start time is a reset too
        Series t = counter("d");
        StoredSeries x = store.open(t);
        x.addCounter(0, T0, 10, false);
        x.addCounter(0, T0 + M, 15, false);
        x.addCounter(0, T0 + 2 * M, 3, false);
        assertEquals(5 + 3, store.increase(t, T0, T0 + 2 * M).getAsDouble(), 1e-9);
    }

    @Test
    void freshCumulativeRunCountsFromZeroAtItsStart() {
        Series s = counter("c");
        StoredSeries w = store.open(s);
        w.addCounter(T0, T0 + M, 5, false);
        w.addCounter(T0, T0 + 2 * M, 8, false);
        assertEquals(8, store.increase(s, T0 - M, T0 + 2 * M).getAsDouble(), 1e-9);
    }

    @Test
    void deltaPointsAccumulate() {
        Series s = counter("c");
        StoredSeries w = store.open(s);
        w.addCounter(T0, T0 + M, 5, true);
        w.addCounter(T0 + M, T0 + 2 * M, 3, true);
        w.addCounter(T0 + 2 * M, T0 + 3 * M, 4, true);
        assertEquals(12, store.increase(s, T0 - 1, T0 + 3 * M).getAsDouble(), 1e-9);
        assertEquals(7, store.increase(s, T0 + M, T0 + 3 * M).getAsDouble(), 1e-9);
    }

    @Test
    void rejectsNonFiniteAndOutOfOrderPoints() {
        StoredSeries w = store.open(counter("c"));
        assertFalse(w.addCounter(0, T0, Double.NaN, false));
        assertTrue(w.addCounter(0, T0, 1, false));
        assertFalse(w.addCounter(0, T0 - M, 2, false));
        StoredSeries g = store.open(new Series("g", MetricKind.GAUGE, Labels.EMPTY));
        assertFalse(g.addGauge(T0, Double.POSITIVE_INFINITY));
    }

    @Test
    void gaugeWindowSummarisesItsSamples() {
        Series s = new Series("revisit.messaging.consumer.lag", MetricKind.GAUGE, labels("partition", "0"));
        StoredSeries w = store.open(s);
        double[] values = {5, 1, 9, 3};
        for (int i = 0; i < values.length; i++) w.addGauge(T0 + i * M, values[i]);
        GaugeWindow g = store.gauge(s, T0, T0 + 3 * M).orElseThrow();
        assertEquals(new GaugeWindow(3, T0 + 3 * M, 1, 9, 13 / 3.0, 3), g);
        assertTrue(store.gauge(s, T0 + 3 * M, T0 + H).isEmpty());
    }

    @Test
    void explicitHistogramBucketIncreases() {
        Series s = new Series("db.client.operation.duration", MetricKind.HISTOGRAM, labels("db.system.name", "postgresql"));
        StoredSeries w = store.open(s);
        double[] bounds = {0.01, 0.1, 1};
        w.addHistogram(T0 - H, T0, bounds, new long[] {10, 5, 1, 0}, 2.0, false);
        w.addHistogram(T0 - H, T0 + M, bounds, new long[] {30, 8, 2, 1}, 7.5, false);
        HistogramWindow h = store.histogramIncrease(s, T0, T0 + M).orElseThrow();
        assertArrayEquals(bounds, h.bounds());
        assertArrayEquals(new long[] {20, 3, 1, 1}, h.counts());
        assertEquals(25, h.count());
        assertEquals(5.5, h.sum(), 1e-9);
        // delta histograms accumulate the same way
        Series d = new Series("h", MetricKind.HISTOGRAM, Labels.EMPTY);
        StoredSeries dw = store.open(d);
        dw.addHistogram(T0, T0 + M, bounds, new long[] {1, 1, 0, 0}, 0.06, true);
        dw.addHistogram(T0 + M, T0 + 2 * M, bounds, new long[] {0, 0, 2, 0}, 1.0, true);
        assertArrayEquals(new long[] {1, 1, 2, 0}, store.histogramIncrease(d, T0, T0 + 2 * M).orElseThrow().counts());
    }

    @Test
    void exponentialHistogramIsStoredWithExplicitBoundsAtTheCappedScale() {
        Series s = new Series("h", MetricKind.HISTOGRAM, Labels.EMPTY);
        StoredSeries w = store.open(s);
        // scale 3 is merged down to scale 2 (the default cap): index i -> i >> 1
        w.addExponentialHistogram(T0, T0 + M, 3, 1, 4, new long[] {1, 2, 3, 4}, 0, 10, true);
        // a later point in a lower range widens the layout
        w.addExponentialHistogram(T0 + M, T0 + 2 * M, 3, 0, -2, new long[] {5}, 0, 1, true);
        HistogramWindow h = store.histogramIncrease(s, T0, T0 + 2 * M).orElseThrow();
        // scale 2 indices -1 (from -2), 2 (from 4, 5) and 3 (from 6, 7)
        double base = Math.pow(2, 0.25);
        double[] expectBounds = {Math.pow(base, -1), 1, base, Math.pow(base, 2), Math.pow(base, 3), Math.pow(base, 4)};
        assertArrayEquals(expectBounds, h.bounds(), 1e-12);
        assertArrayEquals(new long[] {1, 5, 0, 0, 3, 7, 0}, h.counts());
        assertEquals(16, h.count());
        // a coarser point (the sender rescaled) merges what is stored down to its scale
        w.addExponentialHistogram(T0 + 2 * M, T0 + 3 * M, 1, 0, 1, new long[] {2}, 0, 3, true);
        HistogramWindow c = store.histogramIncrease(s, T0, T0 + 3 * M).orElseThrow();
        assertEquals(-1, Math.round(Math.log(c.bounds()[0]) / Math.log(Math.sqrt(2))));
        assertArrayEquals(new long[] {1, 5, 0, 12, 0}, c.counts());
    }

    @Test
    void seriesCapRejectsNewSeriesOnly() {
        MemoryStore small = new MemoryStore(StoreConfig.DEFAULT.withMaxSeries(2));
        assertNotNull(small.open(counter("a")));
        assertNotNull(small.open(counter("b")));
        assertNull(small.open(counter("c")));
        assertNotNull(small.open(counter("a")), "an existing series is still writable");
        assertEquals(1, small.rejectedSeries());
        assertEquals(2, small.seriesCount());
    }

    @Test
    void kindConflictIsRefused() {
        assertNotNull(store.open(counter("x")));
        assertNull(store.open(new Series("x", MetricKind.GAUGE, Labels.EMPTY)));
    }

    @Test
    void findFiltersOnLabels() {
        store.open(counter("revisit.cache.requests", "cache.result", "hit", "service.name", "catalog"));
        store.open(counter("revisit.cache.requests", "cache.result", "miss", "service.name", "catalog"));
        store.open(counter("other"));
        List<Series> hits = store.find("revisit.cache.requests", l -> "hit".equals(l.get("cache.result")));
        assertEquals(1, hits.size());
        assertEquals(Map.of("cache.result", "hit", "service.name", "catalog"), hits.get(0).labels().map());
    }

    @Test
    void windowsAcrossTierBoundariesReadEachEndFromTheFinestTierThatReachesIt() {
        // 10 s for 1 h, then 5 min for 1 d: a counter growing 1 per second for 3 h
        MemoryStore tiered = new MemoryStore(new StoreConfig(List.of(
                new Tier(Duration.ofSeconds(10), Duration.ofHours(1)),
                new Tier(Duration.ofMinutes(5), Duration.ofDays(1))), 10, 2));
        Series s = counter("c");
        StoredSeries w = tiered.open(s);
        for (long t = 0; t <= 3 * H; t += 10 * S) w.addCounter(T0 - H, T0 + t, t / 1000.0, false);
        long now = T0 + 3 * H;
        // both ends in the raw tier: exact
        assertEquals(1800, tiered.increase(s, now - 30 * M, now).getAsDouble(), 1e-9);
        // start in the coarse tier (older than 1 h), end in the raw tier: the start snaps to the
        // last sample at or before it that the 5-minute tier kept (the end of the previous bucket)
        assertEquals(7200 + 10, tiered.increase(s, now - 2 * H, now).getAsDouble(), 1e-9);
        double across = tiered.increase(s, now - 2 * H - 2 * M, now - 30 * M).getAsDouble();
        assertTrue(across >= 5520 && across <= 5520 + 300, "within one coarse bucket of the truth: " + across);
        // a gauge read over old data comes from the coarse tier, still summarising all samples
        Series g = new Series("g", MetricKind.GAUGE, Labels.EMPTY);
        StoredSeries gw = tiered.open(g);
        for (long t = 0; t <= 3 * H; t += 10 * S) gw.addGauge(T0 + t, t % (20 * S) == 0 ? 0 : 10);
        GaugeWindow old = tiered.gauge(g, T0 + 10 * M, T0 + 40 * M).orElseThrow();
        assertEquals(0, old.min());
        assertEquals(10, old.max());
        assertEquals(5, old.avg(), 0.1);
    }
}
