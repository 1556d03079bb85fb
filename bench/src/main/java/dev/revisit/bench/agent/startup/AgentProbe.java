package dev.revisit.bench.agent.startup;

/**
 * Waits for the agent, if one is attached. The agent installs its instrumentation off the
 * main thread (see {@code dev.revisit.agent.RevisitAgent}) and marks the end in a class on
 * the bootstrap class path, which exists only when it is attached, so it is looked up by name.
 */
public final class AgentProbe {
    private static final String AGENT_STATUS = "dev.revisit.agent.bootstrap.AgentStatus";

    private AgentProbe() {}

    /** @return true when an agent is attached and finished installing; false when none is attached */
    public static boolean awaitInstalled(long timeoutMillis) throws Exception {
        Class<?> status;
        try {
            status = Class.forName(AGENT_STATUS, true, null);
        } catch (ClassNotFoundException noAgent) {
            return false;
        }
        boolean installed = (boolean) status.getMethod("awaitInstalled", long.class).invoke(null, timeoutMillis);
        if (!installed) {
            throw new IllegalStateException("the agent did not finish installing within " + timeoutMillis + " ms");
        }
        return true;
    }
}
