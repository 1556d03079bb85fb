package dev.revisit.agent.testing;

import java.lang.management.ManagementFactory;

/**
 * For unit tests of hot paths that must not allocate: the bytes this thread allocates running some
 * work after warming it up (series created, code compiled). The JVM counts per thread, so other
 * threads' allocation never shows; the measurement itself may cost a few bytes. The least of three
 * measured runs counts: an allocation per call shows in every run, while a one-off one (a
 * deoptimisation and recompile on a busy machine, where warm-up ended before the JIT did) shows
 * in one only.
 */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadAllocation() {}

    public static long afterWarmUp(Runnable work, int warmUps) {
        for (int i = 0; i < warmUps; i++) {
            work.run();
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = THREADS.getThreadAllocatedBytes(id);
            work.run();
            least = Math.min(least, THREADS.getThreadAllocatedBytes(id) - before);
        }
        return least;
    }
}
