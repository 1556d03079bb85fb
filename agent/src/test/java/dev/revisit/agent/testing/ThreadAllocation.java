package dev.revisit.agent.testing;

import java.lang.management.ManagementFactory;

/**
 * For unit tests of hot paths that must not allocate: the bytes this thread allocates running some
 * work once more after warming it up (series created, code compiled). The JVM counts per thread,
 * so other threads' allocation never shows; the measurement itself may cost a few bytes.
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
        long before = THREADS.getThreadAllocatedBytes(id);
        work.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }
}
