package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Point;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.executor.SampledBursts;
import dev.revisit.testapp.executor.SaturatedPools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saturated pools in child JVMs: the exported waits are the ones the programs measured
 * themselves — every task with {@code revisit.executor.sample.every=1}, and with the default
 * (one in 8, chosen at random) a distribution that matches the true one.
 */
class ExecutorQueueWaitIT {
    private static final int TASKS = 20;
    private static final long TASK_MILLIS = 40;
    /**
     * The agent's interval per task (execute() entered, or the task due → the worker took it)
     * lies inside the program's (before execute() → the task running): never longer, and shorter
     * by what the worker did in between — µs, or a time slice or two when it is preempted there
     * on a loaded machine.
     */
    private static final double SCHEDULING_SLACK_PER_TASK_SECONDS = 0.010;

    /** Sampled runs: 10 waves of 300 tasks (≈ 375 timed), then one burst of 4,000 (≈ 500 chosen: 64 in the table, the rest in its overflow). */
    private static final int WAVES = 10;
    private static final int PER_WAVE = 300;
    private static final int DEEP = 4_000;
    /**
     * How far the exported share of tasks at or under any bucket bound may be from the true
     * share: for n timed tasks drawn at random, a deviation of d has probability at most
     * 2·exp(−2·n·d²) (Dvoretzky–Kiefer–Wolfowitz): under 1e-6 for 0.15 at n ≥ 300.
     */
    private static final double CDF_TOLERANCE = 0.15;

    private static AgentRun run;
    private static AgentRun sampled;

    @BeforeAll
    static void runPools() {
        run = AgentHarness.builder(SaturatedPools.class).prometheus().property("revisit.executor.sample.every", "1")
                .args(Integer.toString(TASKS), Long.toString(TASK_MILLIS)).run().assertSucceeded();
        sampled = AgentHarness.builder(SampledBursts.class)
                .args(Integer.toString(WAVES), Integer.toString(PER_WAVE), Integer.toString(DEEP), "250").run().assertSucceeded();
    }

    @Test
    void namedPoolWaitsAsMeasured() {
        long[] orders = measured("orders");
        Points wait = run.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "orders-worker");
        assertEquals("s", wait.unit());
        assertEquals(TASKS, wait.count(), wait.toString());
        assertInsideProgramWaits(orders[1] / 1e9, wait.sum(), TASKS, wait.toString());
        // Task k waits about k x 40 ms: the buckets above 0.25 s hold the ones the program saw wait that long.
        assertEquals(orders[2], countAbove(wait.points().get(0), 0.25), wait.toString());
        assertInsideProgramWaits(orders[1] / 1e9, run.prometheus().sum("revisit_executor_queue_wait_seconds_sum", "executor_name", "orders-worker"),
                TASKS, "scraped");
    }

    @Test
    void scheduledPoolWaitIsLateness() {
        long[] ticker = measured("ticker");
        Points wait = run.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "ticker");
        assertEquals(ticker[0], wait.count(), wait.toString());
        // Not nested as the orders' are: the program does not time the blocking first task, the agent does (its start's lateness).
        assertEquals(ticker[1] / 1e9, wait.sum(), ticker[0] * SCHEDULING_SLACK_PER_TASK_SECONDS, wait.toString());
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

    @Test
    void sampledTasksHaveTheWaitDistributionOfAllTasks() {
        long[] truth = measured(sampled, "waves");
        Point exported = sampled.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "waves-worker").points().get(0);
        // One in 8 of 3,000: 375 ± 18 (binomial); the table holds a wave's ≈ 37 chosen tasks whole.
        assertTrue(exported.count() >= 290 && exported.count() <= 460, exported.toString());
        assertSharesMatch(truth, exported, CDF_TOLERANCE);
    }

    @Test
    void aBurstDeeperThanTheTableIsSampledOverItsWholeDepth() {
        long[] truth = measured(sampled, "deep");
        Point exported = sampled.otlp().metric(QueueWait.METRIC).withAttr("executor.name", "deep-worker").points().get(0);
        // One in 8 of 4,000: 500 ± 21, though only 64 fit the table: the rest are timed from its overflow.
        assertTrue(exported.count() >= 400 && exported.count() <= 600, exported.toString());
        // Had only the first 64 chosen tasks been timed, every timed wait would lie in the burst's first eighth.
        assertSharesMatch(truth, exported, CDF_TOLERANCE);
    }

    private static void assertInsideProgramWaits(double programSeconds, double exportedSeconds, long tasks, String exported) {
        assertTrue(exportedSeconds <= programSeconds + tasks * 1e-6, "longer than the program measured " + programSeconds + ": " + exported);
        assertTrue(exportedSeconds >= programSeconds - tasks * SCHEDULING_SLACK_PER_TASK_SECONDS,
                "shorter than the program measured " + programSeconds + " by over " + SCHEDULING_SLACK_PER_TASK_SECONDS + " s a task: " + exported);
    }

    /** At every bucket bound, the share of exported waits at or under it is the share of true waits, within {@code tolerance}. */
    private static void assertSharesMatch(long[] trueWaits, Point exported, double tolerance) {
        long cumulative = 0;
        for (int i = 0; i < exported.bounds().size(); i++) {
            cumulative += exported.bucketCounts().get(i);
            double bound = exported.bounds().get(i);
            double exportedShare = (double) cumulative / exported.count();
            double trueShare = (double) Arrays.stream(trueWaits).filter(w -> w / 1e9 <= bound).count() / trueWaits.length;
            assertEquals(trueShare, exportedShare, tolerance, "share of waits ≤ " + bound + " s in " + exported);
        }
    }

    /** The program's line {@code <pool> <number> <number> ...}. */
    private static long[] measured(String pool) {
        return measured(run, pool);
    }

    private static long[] measured(AgentRun run, String pool) {
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
