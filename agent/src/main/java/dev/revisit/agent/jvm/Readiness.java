package dev.revisit.agent.jvm;

import dev.revisit.agent.bootstrap.readiness.ReadinessHook;

/**
 * Start-to-ready time. "Ready" is the first moment the application listens for
 * connections: its first bind of a server socket ({@code ServerSocket} or
 * {@code ServerSocketChannel}) by a thread that is not the agent's own. Start is the JVM's
 * start time. A program that never listens has no value.
 */
public final class Readiness extends ReadinessHook {
    public static final String METRIC = "revisit.jvm.startup.duration";
    public static final String DESCRIPTION = "Time from JVM start until the application first listened on a server socket";

    private static volatile long readyEpochMillis;

    @Override
    public void listening() {
        if (readyEpochMillis == 0 && !Thread.currentThread().getName().startsWith("revisit-")) {
            readyEpochMillis = System.currentTimeMillis();
        }
    }

    static long readyEpochMillis() {
        return readyEpochMillis;
    }
}
