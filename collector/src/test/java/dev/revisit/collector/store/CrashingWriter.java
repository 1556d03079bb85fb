package dev.revisit.collector.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process for the kill -9 test: writes to a persistent store until killed, and reports on
 * stdout how far it got ({@code written N}: samples 1..N of every series are in the store).
 */
public final class CrashingWriter {

    static final long T0 = 1_800_000_000_000L;
    static final int SERIES = 20;

    public static void main(String[] args) throws Exception {
        PersistentStore persistent = PersistentStore.open(Path.of(args[0]), StoreConfig.DEFAULT, Duration.ofMillis(Long.parseLong(args[1])));
        MemoryStore store = persistent.store();
        StoredSeries[] counters = new StoredSeries[SERIES];
        StoredSeries[] gauges = new StoredSeries[SERIES];
        for (int s = 0; s < SERIES; s++) {
            counters[s] = store.open(new Series("requests", MetricKind.COUNTER, Labels.of(java.util.Map.of("n", "" + s))));
            gauges[s] = store.open(new Series("lag", MetricKind.GAUGE, Labels.of(java.util.Map.of("n", "" + s))));
        }
        for (int i = 1; ; i++) {
            for (int s = 0; s < SERIES; s++) {
                counters[s].addCounter(T0, T0 + i * 1000L, i * 10.0, false);
                gauges[s].addGauge(T0 + i * 1000L, i);
            }
            if (i % 50 == 0) {
                System.out.println("written " + i);
                System.out.flush();
            }
            Thread.sleep(1);
        }
    }
}
