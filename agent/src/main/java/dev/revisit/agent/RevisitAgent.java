package dev.revisit.agent;

import dev.revisit.agent.log.AgentLog;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. {@code premain} does only what cannot wait — make the
 * bootstrap hooks visible — and hands the rest to a daemon thread ({@link AgentRuntime}), so
 * the application's start is not held up by Byte Buddy; classes loaded meanwhile are
 * retransformed once the instrumentation is installed. It never throws: a broken agent
 * leaves the application running uninstrumented.
 */
public final class RevisitAgent {
    private static boolean started;

    private RevisitAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(instrumentation);
    }

    /** Attach to a running JVM: the same, and already-loaded classes are retransformed. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(instrumentation);
    }

    private static synchronized void start(Instrumentation instrumentation) {
        if (started) {
            AgentLog.info("agent already running; ignoring the second attach");
            return;
        }
        started = true;
        Footprint footprint = AgentLog.isDebug() ? Footprint.start() : null;
        long begin = System.nanoTime();
        try {
            String enabled = System.getProperty("revisit.enabled", System.getenv("REVISIT_ENABLED"));
            if (enabled != null && enabled.trim().equalsIgnoreCase("false")) {
                AgentLog.info("agent disabled by revisit.enabled=false");
                return;
            }
            BootstrapInjector.inject(instrumentation);
            Thread installer = new Thread(() -> AgentRuntime.start(instrumentation), "revisit-install");
            installer.setDaemon(true);
            installer.start();
            AgentLog.debug("premain returned after " + (System.nanoTime() - begin) / 1_000 + " µs"
                    + (footprint == null ? "" : " (main thread " + footprint.since() + ")"));
        } catch (Throwable t) {
            AgentLog.warn("agent not started; the application runs without it", t);
        }
    }
}
