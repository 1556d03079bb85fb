package dev.revisit.agent.log;

/**
 * One log line when something starts failing and one when it recovers, however many tries
 * fail in between — an unreachable endpoint must not fill the application's stderr.
 * Used from one thread (the export thread); no synchronisation needed beyond visibility.
 */
public final class Outage {
    private final String what;
    private volatile boolean down;
    private volatile long failures;

    public Outage(String what) {
        this.what = what;
    }

    public void failed(String reason) {
        failures++;
        if (!down) {
            down = true;
            AgentLog.warn(what + " failed: " + reason + " (further failures are not logged until it recovers)");
        }
    }

    public void succeeded() {
        if (down) {
            down = false;
            AgentLog.info(what + " recovered after " + failures + " failed attempt(s)");
            failures = 0;
        }
    }

    public boolean isDown() {
        return down;
    }
}
