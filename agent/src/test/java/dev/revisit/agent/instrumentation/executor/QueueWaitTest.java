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
