package dev.revisit.agent.recorder;

import dev.revisit.agent.testing.ThreadAllocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecorderTest {

    private static MetricView view(Recorder recorder, String name) {
        return recorder.collect().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not collected"));
    }

    private static PointView point(MetricView view, String... values) {
        return view.points().stream().filter(p -> p.attributeValues().equals(List.of(values))).findFirst()
                .orElseThrow(() -> new AssertionError("no point " + List.of(values) + " in " + view.points()));
    }

    /** Runs {@code work} on that many threads released at once, and waits for all of them. */
    private static void concurrently(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                work.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    @Test
    void countersAddPerSeries() {
        Recorder recorder = new Recorder(10, 100);
        Counter requests = recorder.counter("revisit.cache.requests", "{request}", "d", "cache.name", "cache.result");
        requests.series("products", "hit").add(3);
        requests.series("products", "hit").increment();
        requests.series("products", "miss").increment();
        MetricView view = view(recorder, "revisit.cache.requests");
        assertEquals(InstrumentKind.COUNTER, view.kind());
        assertEquals(4, point(view, "products", "hit").value());
        assertEquals(1, point(view, "products", "miss").value());
    }

    @Test
    void histogramsPlaceValuesInBucketsAndSumInSeconds() {
        Recorder recorder = new Recorder(10, 100);
        Histogram duration = recorder.durationHistogram("db.client.operation.duration", "d", "db.operation.name");
        HistogramSeries select = duration.series("SELECT");
        select.record(5_000);          // 5 µs → first bucket (≤ 10 µs)
        select.record(10_000);         // exactly on a bound → that bucket
        select.record(2_000_000);      // 2 ms → ≤ 2.5 ms
        select.record(20_000_000_000L); // 20 s → overflow bucket
        PointView p = point(view(recorder, "db.client.operation.duration"), "SELECT");
        assertEquals(4, p.count());
        assertEquals(20.002015, p.sum(), 1e-9);
        long[] expected = new long[Histogram.DURATION_BOUNDARIES.length + 1];
        expected[0] = 2;
        expected[6] = 1; // 0.0025
        expected[expected.length - 1] = 1;
        assertArrayEquals(expected, p.bucketCounts());
    }

    @Test
    void gaugesAreExportedOnlyOnceSetAndCallbacksRunOnCollect() {
        Recorder recorder = new Recorder(10, 100);
        Gauge lag = recorder.gauge("revisit.messaging.consumer.lag", "{message}", "d", "messaging.destination.name");
        GaugeSeries orders = lag.series("orders");
        lag.series("never-set");
        recorder.onCollect(() -> orders.set(42));
        MetricView view = view(recorder, "revisit.messaging.consumer.lag");
        assertEquals(1, view.points().size());
        assertEquals(42, point(view, "orders").value());
    }

    @Test
    void aClearedGaugeSeriesIsLeftOutUntilSetAgainAndAMetricWithNoneLeftIsNotCollected() {
        Recorder recorder = new Recorder(10, 100);
        Gauge lag = recorder.gauge("revisit.messaging.consumer.lag", "{message}", "d", "messaging.destination.partition.id");
        GaugeSeries first = lag.series("0");
        GaugeSeries second = lag.series("1");
        first.set(600);
        second.set(7);
        first.clear();
        MetricView view = view(recorder, "revisit.messaging.consumer.lag");
        assertEquals(List.of(List.of("1")), view.points().stream().map(PointView::attributeValues).toList());

        second.clear();
        assertTrue(recorder.collect().stream().noneMatch(v -> v.name().equals("revisit.messaging.consumer.lag")),
                "no points left: the metric is not collected at all");

        first.set(0); // a consumer took the partition again, caught up
        assertEquals(0, point(view(recorder, "revisit.messaging.consumer.lag"), "0").value());
        assertSame(first, lag.series("0"), "clearing keeps the series and its handle");
    }

    @Test
    void settingAndClearingAGaugeAllocatesNothing() {
        Recorder recorder = new Recorder(10, 100);
        GaugeSeries series = recorder.gauge("revisit.messaging.consumer.lag", "{message}", "d", "p").series("0");
        Runnable work = () -> {
            for (int i = 0; i < 100_000; i++) {
                series.set(i);
                series.clear();
            }
        };
        long bytes = ThreadAllocation.afterWarmUp(work, 5);
        assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 100,000 sets and clears");
    }

    @Test
    void registeringTheSameMetricAgainReturnsItAndAConflictingOneFails() {
        Recorder recorder = new Recorder(10, 100);
        Counter first = recorder.counter("x.count", "1", "d", "a");
        assertSame(first, recorder.counter("x.count", "1", "d", "a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> recorder.counter("x.count", "1", "d", "b"));
        assertTrue(e.getMessage().contains("x.count"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> recorder.gauge("x.count", "1", "d", "a"));
    }

    @Test
    void wrongNumberOfAttributeValuesIsRejected() {
        Counter c = new Recorder(10, 100).counter("c", "1", "d", "a", "b");
        assertThrows(IllegalArgumentException.class, () -> c.series("only-one"));
    }

    @Test
    void valuesPastTheAttributeCapFoldIntoOtherAndAreCounted() {
        Recorder recorder = new Recorder(3, 1_000);
        Counter requests = recorder.counter("revisit.cache.requests", "{request}", "d", "cache.name", "cache.result");
        for (int i = 0; i < 10; i++) {
            requests.series("cache-" + i, "hit").increment();
        }
        requests.series("cache-7", "hit").increment(); // folded again: counted again
        requests.series("cache-1", "hit").increment(); // known value: not folded
        MetricView view = view(recorder, "revisit.cache.requests");
        assertEquals(2, point(view, "cache-1", "hit").value());
        assertEquals(8, point(view, "other", "hit").value());
        assertEquals(4, view.points().size()); // cache-0..2 and other
        assertEquals(8, point(view(recorder, Recorder.FOLDED_METRIC), "revisit.cache.requests", "cache.name").value());
    }

    @Test
    void seriesPastTheSeriesCapFoldIntoOneAllOtherSeries() {
        Recorder recorder = new Recorder(1_000, 5);
        Counter c = recorder.counter("c", "1", "d", "a", "b");
        for (int i = 0; i < 20; i++) {
            c.series("a" + i, "b" + i).increment();
        }
        MetricView view = view(recorder, "c");
        assertEquals(6, view.points().size());
        assertEquals(15, point(view, "other", "other").value());
    }

    @Test
    void nullValuesMeanUnknownAndBecomeEmpty() {
        Recorder recorder = new Recorder(10, 100);
        recorder.counter("c", "1", "d", "a", "b").series("x", null).increment();
        assertEquals(1, point(view(recorder, "c"), "x", "").value());
    }

    @Test
    void concurrentResolutionYieldsOneSeriesPerValueAndLosesNoCount() throws Exception {
        Recorder recorder = new Recorder(1_000, 10_000);
        Counter c = recorder.counter("c", "1", "d", "k");
        int threads = 4;
        int perThread = 20_000;
        concurrently(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                c.series("v" + (i % 200)).increment();
            }
        });
        MetricView view = view(recorder, "c");
        assertEquals(200, view.points().size());
        assertEquals((double) threads * perThread, view.points().stream().mapToDouble(PointView::value).sum());
    }

    @Test
    void concurrentHistogramRecordsLoseNoCountAndNoSum() throws Exception {
        Recorder recorder = new Recorder(10, 100);
        HistogramSeries series = recorder.durationHistogram("h", "d", "k").series("v");
        int threads = 4;
        int perThread = 50_000;
        concurrently(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                series.record(i % 2 == 0 ? 5_000 : 3_000_000); // ≤ 10 µs and ≤ 5 ms
            }
        });
        PointView p = point(view(recorder, "h"), "v");
        long half = (long) threads * perThread / 2;
        assertEquals(2 * half, p.count());
        assertEquals(half, p.bucketCounts()[0]);
        assertEquals(half, p.bucketCounts()[7]);
        assertEquals(half * 3_005_000 / 1e9, p.sum(), 1e-9);
    }
}
