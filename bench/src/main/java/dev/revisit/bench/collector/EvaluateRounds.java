package dev.revisit.bench.collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The {@link EvaluateBench} workload timed round by round, in wall time and in this thread's CPU
 * time: on a machine shared with other work the CPU time is the figure that does not depend on
 * who else runs. Prints medians, and the ratio of a full round to the single-query baseline.
 *
 * Run: {@code java -cp bench/target/benchmarks.jar dev.revisit.bench.collector.EvaluateRounds}
 */
public final class EvaluateRounds {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EvaluateRounds() {}

    public static void main(String[] args) throws Exception {
        EvaluateBench bench = new EvaluateBench();
        bench.setUp();
        System.out.println("1,000 decisions x 3 assumptions over " + bench.store.seriesCount() + " series");
        double[] round = measure("round", 30, 40, bench::round);
        double[] single = measure("singleQuery (baseline)", 30, 40, bench::singleQuery);
        measure("singleQueryNoIndex", 1, 3, bench::singleQueryNoIndex);
        System.out.printf("round / singleQuery: %.2fx wall, %.2fx cpu%n", round[0] / single[0], round[1] / single[1]);
    }

    /** Median wall and CPU milliseconds per call, after {@code warmup} calls. */
    private static double[] measure(String name, int warmup, int runs, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            work.get();
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - w) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double[] median = {wall[runs / 2], cpu[runs / 2]};
        System.out.printf("%-24s median %8.1f ms wall, %8.1f ms cpu (min %.1f / %.1f, %d runs)%n",
                name, median[0], median[1], wall[0], cpu[0], runs);
        return median;
    }
}
