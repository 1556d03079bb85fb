package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.config.Config;
import dev.revisit.agent.config.ConfigException;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.Recorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hook called directly, submit then start on one thread, as advice would: how many tasks it times. */
class QueueWaitTest {
    private static final int TASKS = 80_000;
    private static ThreadPoolExecutor pool;

    @BeforeAll
    static void pool() {
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    @AfterAll
    static void shutdown() {
        pool.shutdown();
    }

    @Test
    void everyTaskIsTimedWithSampleEveryOne() {
        assertEquals(TASKS, timed(1));
    }

    @Test
    void oneTaskInEightIsTimedByDefault() {
        // Binomial: 10,000 ± 94; six standard deviations either side.
        assertEquals(TASKS / 8.0, timed(QueueWait.DEFAULT_SAMPLE_EVERY), 6 * 94);
    }

    @Test
    void oneInAThousandTwentyFour() {
        assertEquals(TASKS / 1024.0, timed(1024), 6 * Math.sqrt(TASKS / 1024.0));
    }

    @Test
    void aBadSampleRateIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"0", "1025", "-3", "eight"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> new ExecutorModule().start(
                    new ModuleContext(new Recorder(100, 2_000), new Config(Map.of(QueueWait.SAMPLE_EVERY, bad), Map.of()))));
            assertTrue(e.getMessage().contains(QueueWait.SAMPLE_EVERY) && e.getMessage().contains(bad), e.getMessage());
        }
    }

    /** Before the fix, one lost overflowed task made every later task start hash and probe, for good. */
    @Test
    void aBacklogLostToShutdownNowStopsTheOverflowLookOnceReclaimed() throws Exception {
        QueueWait hook = new QueueWait(new Recorder(100, 2_000), 1);
        ThreadPoolExecutor busy = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        CountDownLatch release = new CountDownLatch(1);
        busy.execute(() -> await(release)); // holds the only worker, so the rest queue
        long submittedFrom = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            Runnable task = new FutureTask<>(() -> null); // a task of its own each time, as lambdas that capture are
            hook.submitted(task); // as execute()'s advice would
            busy.execute(task);
        }
        assertEquals(1_000 - QueueWait.TABLE_CAPACITY, hook.overflowSize(), "all but the table's 64 overflowed");
        assertEquals(1_000, busy.shutdownNow().size(), "none of them will start");
        release.countDown();
        hook.reclaimStale(submittedFrom + SampledTasks.STALE_NANOS / 2);
        assertEquals(1_000 - QueueWait.TABLE_CAPACITY, hook.overflowSize(), "younger than the stale age: still waited for");
        hook.reclaimStale(System.nanoTime() + SampledTasks.STALE_NANOS + 1_000_000_000L);
        assertEquals(0, hook.overflowSize(), "reclaimed: workers no longer hash and probe every task");
        Object later = new Object();
        hook.submitted(later);
        hook.started(pool, later);
        assertEquals(0, hook.overflowSize());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long timed(int sampleEvery) {
        Recorder recorder = new Recorder(100, 2_000);
        QueueWait hook = new QueueWait(recorder, sampleEvery);
        for (int i = 0; i < TASKS; i++) {
            Object task = new Object();
            hook.submitted(task);
            hook.started(pool, task);
        }
        hook.dropped(new Object());
        MetricView wait = recorder.collect().stream().filter(m -> m.name().equals(QueueWait.METRIC)).findFirst().orElseThrow();
        return wait.points().stream().mapToLong(p -> p.count()).sum();
    }
}
