package dev.revisit.agent.instrumentation.executor;

import java.security.CodeSource;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * {@code executor.name}: the name the pool's own threads carry when its thread factory names
 * them ({@code orders-worker-3} → {@code orders-worker}), else the class that constructed the
 * pool, else {@code unknown}. Null for the agent's own pools, which are never measured.
 */
final class PoolNames {
    static final String UNKNOWN = "unknown";
    private static final String OWN = "dev.revisit.agent.instrumentation.executor.";
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource AGENT_JAR = PoolNames.class.getProtectionDomain().getCodeSource();

    private PoolNames() {}

    /**
     * Who is constructing a pool, read from the constructing thread's stack; {@link Creator#AGENT}
     * when any frame is the agent's own code (its exporters' pools), told by the jar it came from.
     */
    static Creator creatorOfPoolBeingBuilt() {
        return WALKER.walk(frames -> {
            String creator = null;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String type = frame.getClassName();
                if (type.startsWith(OWN)) {
                    continue;
                }
                if (AGENT_JAR != null && AGENT_JAR.equals(frame.getDeclaringClass().getProtectionDomain().getCodeSource())) {
                    return Creator.AGENT;
                }
                if (creator == null && !type.startsWith("java.util.concurrent.")) {
                    creator = type;
                }
            }
            return new Creator(creator);
        });
    }

    /** Resolved on a worker thread of {@code executor}, once per pool and thread. */
    static String name(Object executor, Creator creator, Thread worker) {
        if (creator == Creator.AGENT) {
            return null;
        }
        if (executor instanceof ThreadPoolExecutor pool && namesItsThreads(pool.getThreadFactory())) {
            String name = stripCounter(worker.getName());
            if (!name.isEmpty()) {
                return name;
            }
        }
        return creator != null && creator.type() != null ? creator.type() : UNKNOWN;
    }

    /** The JDK's default factory names threads {@code pool-N-thread-M}: a counter, not a name. */
    private static boolean namesItsThreads(ThreadFactory factory) {
        String type = factory == null ? "" : factory.getClass().getName();
        return !type.equals("java.util.concurrent.Executors$DefaultThreadFactory")
                && !type.equals("java.util.concurrent.Executors$PrivilegedThreadFactory");
    }

    /** {@code orders-worker-3}, {@code orders_3}, {@code orders #3} → {@code orders}. */
    static String stripCounter(String threadName) {
        int end = threadName.length();
        while (end > 0 && Character.isDigit(threadName.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && "-_.# ".indexOf(threadName.charAt(end - 1)) >= 0) {
            end--;
        }
        return threadName.substring(0, end);
    }

    /** The class that constructed a pool; {@code type} null when only JDK frames were on the stack. */
    record Creator(String type) {
        static final Creator AGENT = new Creator("revisit-agent");
    }
}
