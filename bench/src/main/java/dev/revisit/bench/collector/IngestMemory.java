package dev.revisit.bench.collector;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import dev.revisit.collector.store.Series;
import dev.revisit.collector.store.StoreConfig;
import dev.revisit.collector.store.StoredSeries;
import dev.revisit.collector.store.Tier;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Memory per series per day of window: fills {@code series} series of one kind with a sample
 * every {@code interval} seconds for {@code days} simulated days, then compares the heap after
 * GC with the heap before the store existed (the baseline, same run), and with the formula of
 * docs/store.md.
 * Usage: {@code java -Xmx8g -cp bench/target/benchmarks.jar dev.revisit.bench.collector.IngestMemory counter|gauge|histogram series days intervalSeconds}
 */
public final class IngestMemory {

    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "counter";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double days = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        MetricKind metricKind = MetricKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));

        long baseline = usedAfterGc();
        MemoryStore store = new MemoryStore(StoreConfig.DEFAULT);
        StoredSeries[] series = new StoredSeries[n];
        for (int i = 0; i < n; i++) {
            series[i] = store.open(new Series("m", metricKind, Labels.of(Map.of("service.name", "svc", "n", Integer.toString(i)))));
        }
        long withSeries = usedAfterGc();
        long t0 = 1_800_000_000_000L;
        long steps = (long) (days * 86_400 / interval);
        long[] counts = new long[BOUNDS.length + 1];
        long started = System.nanoTime();
        for (long s = 1; s <= steps; s++) {
            long t = t0 + s * interval * 1000L;
            for (int i = 0; i < n; i++) {
                switch (metricKind) {
                    case COUNTER -> series[i].addCounter(t0, t, s * 3.0, false);
                    case GAUGE -> series[i].addGauge(t, s % 100);
                    case HISTOGRAM -> {
                        counts[(int) (s % counts.length)]++;
                        series[i].addHistogram(t0, t, BOUNDS, counts, s * 0.1, false);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long filled = usedAfterGc();
        double perSeries = (double) (filled - baseline) / n;
        double samplesOnly = (double) (filled - withSeries) / n;
        System.out.printf("%s: %,d series, %.1f days at %d s (%,d samples each, %,.0f appends/s single-threaded)%n",
                kind, n, days, interval, steps, steps * n / seconds);
        System.out.printf("heap per series: %,.0f bytes (%,.0f of them samples, %,.0f identity: labels, maps)%n",
                perSeries, samplesOnly, perSeries - samplesOnly);
        System.out.printf("per series per day of window: %,.0f bytes%n", perSeries / days);
        System.out.printf("store's own estimate: %,.0f bytes per series; formula bound at full retention: %,d bytes%n",
                (double) store.estimatedBytes() / n, bound(metricKind));
        if (store.seriesCount() != n) throw new IllegalStateException("lost series");
    }

    /** docs/store.md: sum over tiers of maxSlots * (8 + 8 * stride). */
    private static long bound(MetricKind kind) {
        int stride = switch (kind) {
            case COUNTER -> 1;
            case GAUGE -> 5;
            case HISTOGRAM -> BOUNDS.length + 3;
        };
        long bytes = 0;
        for (Tier tier : StoreConfig.DEFAULT.tiers()) bytes += tier.maxSlots() * (8L + 8L * stride);
        return bytes;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
