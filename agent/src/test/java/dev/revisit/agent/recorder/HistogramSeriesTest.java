package dev.revisit.agent.recorder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed cells of ADR 0019: exact totals across drains of either kind, and snapshots that never go back. */
class HistogramSeriesTest {
    /** Drains a cell on its count. */
    private static final int COUNT_DRAIN = 1 << 18;
    /** The largest value on the one-add path; 1,025 of them drain a cell on its sum. */
    private static final long LARGEST_FAST = (1L << HistogramSeries.FAST_VALUE_BITS) - 1;
    private static final int OVERFLOW = Histogram.DURATION_BOUNDARIES.length;
    /** Bucket of 5 µs (≤ 10 µs) and of 3 ms (≤ 5 ms). */
    private static final int FIRST = 0;
    private static final int FIVE_MS = 7;

    private static HistogramSeries series() {
        return new Recorder(10, 100).durationHistogram("h", "d", "k").series("v");
    }

    private static long[] only(int bucket, long count, int buckets) {
        long[] counts = new long[buckets];
        counts[bucket] = count;
        return counts;
    }

    @Test
    void countDrainsKeepEveryRecording() {
        HistogramSeries series = series();
        int n = 3 * COUNT_DRAIN + 5;
        for (int i = 0; i < n; i++) {
            series.record(1);
        }
        long[] counts = new long[series.buckets()];
        assertEquals(n, series.snapshot(counts));
        assertArrayEquals(only(FIRST, n, series.buckets()), counts);
        assertEquals(3, series.drains(), "one drain per 2^18 recordings in a bucket");
    }

    @Test
    void sumDrainsKeepEveryRecording() {
        HistogramSeries series = series();
        int n = 3_000;
        for (int i = 0; i < n; i++) {
            series.record(LARGEST_FAST);
        }
        long[] counts = new long[series.buckets()];
        assertEquals(n * LARGEST_FAST, series.snapshot(counts));
        assertArrayEquals(only(OVERFLOW, n, series.buckets()), counts);
        // 1,024 adds of 2^34 − 1 leave the sum 1,024 short of 2^44; the 1,025th crosses it.
        assertEquals(2, series.drains(), "a drain every 1,025 recordings of the largest fast value");
    }

    @Test
    void valuesOffTheFastPathAreCountedInTheirBuckets() {
        HistogramSeries series = series();
        series.record(-5);                 // negative: first bucket, the sum goes down by 5
        series.record(0);                  // fast path, first bucket
        series.record(LARGEST_FAST);       // fast path, overflow bucket
        series.record(LARGEST_FAST + 1);   // 2^34: slow path
        series.record(1L << 60);           // 36 years in nanoseconds: slow path, sum still exact
        series.record(3_000_000);          // fast path, ≤ 5 ms
        long[] counts = new long[series.buckets()];
        long sum = series.snapshot(counts);
        long[] expected = new long[series.buckets()];
        expected[FIRST] = 2;
        expected[FIVE_MS] = 1;
        expected[OVERFLOW] = 3;
        assertArrayEquals(expected, counts);
        assertEquals(-5 + 2 * LARGEST_FAST + 1 + (1L << 60) + 3_000_000, sum);
        assertEquals(0, series.drains());
    }

    /** One round: 20,000 values in the first bucket, 500 of the largest fast value, 5 on the slow path. */
    private static void round(HistogramSeries series) {
        for (int i = 0; i < 20_000; i++) {
            series.record(5_000);
            if (i % 40 == 0) {
                series.record(LARGEST_FAST);
            }
            if (i % 4_000 == 0) {
                series.record(1L << 40);
            }
        }
    }

    private static void assertRounds(HistogramSeries series, long rounds, long[] counts, long sum) {
        long[] expected = new long[series.buckets()];
        expected[FIRST] = rounds * 20_000;
        expected[OVERFLOW] = rounds * (500 + 5);
        assertArrayEquals(expected, counts);
        assertEquals(rounds * (20_000L * 5_000 + 500 * LARGEST_FAST + 5 * (1L << 40)), sum);
    }

    @Test
    void fourThreadsDrainingLoseNothing() throws Exception {
        HistogramSeries series = series();
        int threads = 4;
        int rounds = 10;
        await(start(threads, () -> {
            for (int r = 0; r < rounds; r++) {
                round(series);
            }
            return rounds;
        }));
        long[] counts = new long[series.buckets()];
        assertRounds(series, threads * rounds, counts, series.snapshot(counts));
        // At least 2 drains on the count (800,000 in one bucket) and 18 on the sum (20,000 × 2^34).
        assertTrue(series.drains() >= 20, "drains: " + series.drains());
    }

    @Test
    void snapshotsDuringDrainsNeverGoBackAndEndExact() throws Exception {
        HistogramSeries series = series();
        AtomicBoolean stop = new AtomicBoolean();
        // The recorders go on until the snapshots have overlapped enough drains, however the threads are scheduled.
        List<Future<Integer>> recorders = start(4, () -> {
            int rounds = 0;
            while (!stop.get()) {
                round(series);
                rounds++;
            }
            return rounds;
        });
        long[] previous = new long[series.buckets()];
        long previousSum = Long.MIN_VALUE;
        long[] counts = new long[series.buckets()];
        long drainsAtFirst = series.drains();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int snapshots = 0;
        while (snapshots < 10_000 || series.drains() - drainsAtFirst < 200) {
            assertTrue(System.nanoTime() < deadline, "after 60 s: " + snapshots + " snapshots, "
                    + (series.drains() - drainsAtFirst) + " drains");
            long sum = series.snapshot(counts);
            for (int i = 0; i < counts.length; i++) {
                int at = i;
                long was = previous[i];
                long now = counts[i];
                assertTrue(now >= was, () -> "bucket " + at + " went from " + was + " to " + now);
            }
            long was = previousSum;
            assertTrue(sum >= was, () -> "sum went from " + was + " to " + sum);
            previousSum = sum;
            System.arraycopy(counts, 0, previous, 0, counts.length);
            snapshots++;
        }
        stop.set(true);
        long rounds = await(recorders);
        assertRounds(series, rounds, counts, series.snapshot(counts));
    }

    /** Starts {@code work} on that many threads released at once. */
    private static List<Future<Integer>> start(int threads, Callable<Integer> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                return work.call();
            }));
        }
        go.countDown();
        pool.shutdown();
        return futures;
    }

    /** @return the sum of what the threads returned */
    private static long await(List<Future<Integer>> futures) throws Exception {
        long total = 0;
        for (Future<Integer> f : futures) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        return total;
    }
}
