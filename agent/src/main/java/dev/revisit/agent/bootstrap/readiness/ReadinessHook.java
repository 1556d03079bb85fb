package dev.revisit.agent.bootstrap.readiness;

/** Called when the JVM binds a listening socket; no-op until the agent installs the real hook. */
public abstract class ReadinessHook {
    private static volatile ReadinessHook current = new ReadinessHook() {};

    public static ReadinessHook get() {
        return current;
    }

    public static void install(ReadinessHook hook) {
        current = hook;
    }

    public void listening() {}
}
