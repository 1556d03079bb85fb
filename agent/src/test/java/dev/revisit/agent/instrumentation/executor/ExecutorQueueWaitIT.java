package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Point;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.executor.SaturatedPools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saturated pools in a child JVM: the exported waits are the ones the program measured itself. */
class ExecutorQueueWaitIT {
    private static final int TASKS = 20;
    private static final long TASK_MILLIS = 40;
    /** Per task: the program reads the clock a few instructions away from where the advice does. */
    private static final double TOLERANCE_PER_TASK_SECONDS = 0.003;

    private static AgentRun run;

    @BeforeAll
    static void runPools() {
        run = AgentHarness.builder(SaturatedPools.class).prometheus()
                .args(Integer.toString(TASKS), Long.toString(TASK_MILLIS)).run().assertSucceeded();
    }

    @Test
    void namedPoolWaitsAsMeasured() {
        long[] orders = measured("orders");
        Points wait = run.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "orders-worker");
        assertEquals("s", wait.unit());
        assertEquals(TASKS, wait.count(), wait.toString());
        assertEquals(orders[1] / 1e9, wait.sum(), TASKS * TOLERANCE_PER_TASK_SECONDS, wait.toString());
        // Task k waits about k x 40 ms: the buckets above 0.25 s hold the ones the program saw wait that long.
        assertEquals(orders[2], countAbove(wait.points().get(0), 0.25), wait.toString());
        assertEquals(orders[1] / 1e9, run.prometheus().sum("revisit_executor_queue_wait_seconds_sum", "executor_name", "orders-worker"),
                TASKS * TOLERANCE_PER_TASK_SECONDS);
    }

    @Test
    void scheduledPoolWaitIsLateness() {
        long[] ticker = measured("ticker");
        Points wait = run.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "ticker");
        assertEquals(ticker[0], wait.count(), wait.toString());
        assertEquals(ticker[1] / 1e9, wait.sum(), ticker[0] * TOLERANCE_PER_TASK_SECONDS, wait.toString());
    }

    @Test
    void defaultFactoryPoolIsNamedByItsCreatorAndKeepsTaskIdentity() {
        assertTrue(run.stdout().contains("identity ok"), run.stdout());
        assertTrue(run.stdout().contains("rejected"), run.stdout());
        // Only the blocking first task ran; the removed, rejected and drained ones never started.
        Points wait = run.otlp().metric(QueueWait.METRIC).withAttr("executor.name", SaturatedPools.class.getName());
        assertEquals(1, wait.count(), wait.toString());
    }

    @Test
    void theAgentsOwnPoolsAreNotMeasured() {
        assertEquals(Set.of("orders-worker", "ticker", SaturatedPools.class.getName()),
                run.otlp().metric(QueueWait.METRIC).values("executor.name"));
    }

    /** The program's line {@code <pool> <count> <waitedNanos> [overQuarterSecond]}. */
    private static long[] measured(String pool) {
        return run.stdout().lines().filter(l -> l.startsWith(pool + " ")).findFirst()
                .map(l -> Arrays.stream(l.substring(pool.length() + 1).split(" ")).mapToLong(Long::parseLong).toArray())
                .orElseThrow(() -> new AssertionError("no line for " + pool + " in\n" + run.stdout()));
    }

    private static long countAbove(Point point, double bound) {
        long count = 0;
        for (int i = 0; i < point.bucketCounts().size(); i++) {
            if (i > 0 && point.bounds().get(i - 1) >= bound) {
                count += point.bucketCounts().get(i);
            }
        }
        return count;
    }
}
