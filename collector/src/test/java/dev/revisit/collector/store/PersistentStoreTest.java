package dev.revisit.collector.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentStoreTest {

    private static final long T0 = 1_800_000_000_000L, M = 60_000;
    private static final Duration FLUSH = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private static Series series(String name, MetricKind kind) {
        return new Series(name, kind, Labels.of(Map.of("service.name", "catalog")));
    }

    private static void fill(MemoryStore store, int from, int to) {
        StoredSeries c = store.open(series("c", MetricKind.COUNTER));
        StoredSeries g = store.open(series("g", MetricKind.GAUGE));
        StoredSeries h = store.open(series("h", MetricKind.HISTOGRAM));
        StoredSeries e = store.open(series("e", MetricKind.HISTOGRAM));
        for (int i = from; i < to; i++) {
            long t = T0 + i * M;
            c.addCounter(T0 - M, t, i % 100 == 99 ? 1 : 10.0 * (i % 100), false); // resets along the way
            g.addGauge(t, i % 7);
            h.addHistogram(T0, t, new double[] {0.1, 1}, new long[] {1, 2, 0}, 1.5, true);
            e.addExponentialHistogram(T0, t, 3, 0, i % 40, new long[] {1, 1}, 0, 2, true); // the range keeps widening
        }
    }

    private static String describe(MemoryStore store, long from, long to) {
        StringBuilder sb = new StringBuilder();
        sb.append(store.increase(series("c", MetricKind.COUNTER), from, to)).append('\n');
        sb.append(store.gauge(series("g", MetricKind.GAUGE), from, to)).append('\n');
        for (String h : List.of("h", "e")) {
            store.histogramIncrease(series(h, MetricKind.HISTOGRAM), from, to).ifPresent(w -> sb
                    .append(java.util.Arrays.toString(w.bounds())).append(java.util.Arrays.toString(w.counts()))
                    .append(w.sum()).append(' ').append(w.count()).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void cleanRestartKeepsEverything() throws IOException {
        String before;
        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            fill(p.store(), 0, 3000); // two days of minutes: every tier has data
            before = describe(p.store(), T0 + 100 * M, T0 + 2999 * M) + describe(p.store(), T0 + 2900 * M, T0 + 2990 * M);
        }
        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            assertEquals(before, describe(p.store(), T0 + 100 * M, T0 + 2999 * M) + describe(p.store(), T0 + 2900 * M, T0 + 2990 * M));
            assertEquals(4, p.store().seriesCount());
            // and it goes on from where it was: the counter's run continues without a false reset
            fill(p.store(), 3000, 3010);
            assertEquals(10 * 9, p.store().increase(series("c", MetricKind.COUNTER), T0 + 3000 * M, T0 + 3009 * M).getAsDouble(), 1e-9);
        }
    }

    @Test
    void snapshotPlusLogRecoverTheSameState() throws IOException {
        String before;
        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            fill(p.store(), 0, 500);
            p.snapshot();
            fill(p.store(), 500, 1000);
            before = describe(p.store(), T0, T0 + 999 * M);
        }
        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            assertEquals(before, describe(p.store(), T0, T0 + 999 * M));
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(1, names.stream().filter(n -> n.startsWith("snapshot-")).count(), names.toString());
        }
    }

    @Test
    void aSecondCollectorCannotOpenTheSameDirectoryButCanReadIt() throws IOException {
        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            fill(p.store(), 0, 100);
            p.flush();
            assertThrows(IOException.class, () -> PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH));
            MemoryStore copy = PersistentStore.readOnly(dir, StoreConfig.DEFAULT);
            assertEquals(describe(p.store(), T0, T0 + 99 * M), describe(copy, T0, T0 + 99 * M));
        }
        assertThrows(IOException.class, () -> PersistentStore.readOnly(dir.resolve("missing"), StoreConfig.DEFAULT));
    }

    @Test
    void killMinus9LosesAtMostTheLastFlushIntervalAndATornTailIsSkipped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), Long.toString(FLUSH.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int written = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                written = Integer.parseInt(line.substring("written ".length()));
                if (written >= 1000) break;
            }
            // everything reported so far must reach the disk within one flush interval
            Thread.sleep(FLUSH.toMillis() * 2 + 300);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertTrue(written >= 1000, "the child wrote " + written);
        int guaranteed = written;

        // a crash can also leave half a record: cut the last segment in the middle of one
        Path lastLog;
        try (var files = Files.list(dir)) {
            lastLog = files.filter(f -> f.getFileName().toString().startsWith("log-")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(lastLog.toFile(), "rw")) {
            if (f.length() > 10) f.setLength(f.length() - 7);
        }

        try (PersistentStore p = PersistentStore.open(dir, StoreConfig.DEFAULT, FLUSH)) {
            MemoryStore store = p.store();
            assertEquals(2 * CrashingWriter.SERIES, store.seriesCount());
            for (int s = 0; s < CrashingWriter.SERIES; s++) {
                Labels n = Labels.of(Map.of("n", "" + s));
                StoredSeries c = store.stored("requests").stream().filter(x -> x.series().labels().equals(n)).findFirst().orElseThrow();
                long last = c.lastTime();
                int samples = (int) ((last - CrashingWriter.T0) / 1000);
                assertTrue(samples >= guaranteed, "series " + s + " kept " + samples + " samples, " + guaranteed + " were due");
                // the recovered counter is whole: growth of 10 per sample
                assertEquals(10.0 * 100, store.increase(c.series(), last - 100_000, last).getAsDouble(), 1e-9);
                var g = store.gauge(new Series("lag", MetricKind.GAUGE, n), CrashingWriter.T0, last).orElseThrow();
                assertTrue(g.last() >= guaranteed && g.last() <= samples, "gauge kept up to " + g.last());
            }
            // the recovered store takes new data
            StoredSeries c = store.open(new Series("requests", MetricKind.COUNTER, Labels.of(Map.of("n", "0"))));
            assertTrue(c.addCounter(CrashingWriter.T0, c.lastTime() + 1000, 1e9, false));
        }
    }
}
