package dev.revisit.agent;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a stretch of the agent's own start cost, in figures that do not depend on how busy the
 * machine is: bytes the current thread allocated and classes the JVM loaded meanwhile. Timed
 * figures swing with load; these let every start-up cut be shown as a ratio that does not.
 * Only taken with {@code revisit.debug}: the management beans load about a hundred classes,
 * which a normal start must not pay. {@code bench/scripts/agent-footprint.sh} reads the line.
 */
final class Footprint {
    private final com.sun.management.ThreadMXBean threads;
    private final ClassLoadingMXBean classes;
    private final long allocatedBefore;
    private final long loadedBefore;

    private Footprint(com.sun.management.ThreadMXBean threads, ClassLoadingMXBean classes) {
        this.threads = threads;
        this.classes = classes;
        this.allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        this.loadedBefore = classes.getTotalLoadedClassCount();
    }

    /** @return a measure that starts now, or null when the JVM cannot count a thread's allocation (then nothing is reported) */
    static Footprint start() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                    && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
                return new Footprint(threads, ManagementFactory.getClassLoadingMXBean());
            }
        } catch (LinkageError | RuntimeException absent) {
            // A runtime without jdk.management (jlink) has no per-thread allocation counter.
        }
        return null;
    }

    /** @return e.g. {@code "allocated 1,234,567 B, 12 classes loaded"}: on this thread since {@link #start}; classes by any thread */
    String since() {
        return String.format(Locale.ROOT, "allocated %,d B, %,d classes loaded",
                threads.getCurrentThreadAllocatedBytes() - allocatedBefore, classes.getTotalLoadedClassCount() - loadedBefore);
    }
}
