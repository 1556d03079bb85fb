package dev.revisit.agent.bootstrap.jdbc;

/**
 * What JDBC advice calls. Every method is a no-op until the agent installs the real hook,
 * so advice woven before installation finishes costs a virtual call and nothing else.
 * Arguments are {@code Object}: the JDBC types belong to {@code java.sql}, which the
 * bootstrap loader cannot see.
 */
public abstract class JdbcHook {
    private static volatile JdbcHook current = new JdbcHook() {};

    public static JdbcHook get() {
        return current;
    }

    public static void install(JdbcHook hook) {
        current = hook;
    }

    /** Entering {@code Connection.prepareStatement/prepareCall}. */
    public void enterPrepare() {}

    /** Leaving it; {@code statement} is null when it threw. */
    public void exitPrepare(Object statement, Object sql) {}

    /** @return a start timestamp to pass back to {@link #exitExecute}, or 0 when nested */
    public long enterExecute(Object statement, Object firstArgument) {
        return 0L;
    }

    public void exitExecute(Object statement, long start, Throwable thrown) {}

    /** Entering {@code executeBatch}/{@code executeLargeBatch}: like {@link #enterExecute}, marked as a batch. */
    public long enterExecuteBatch(Object statement) {
        return 0L;
    }

    public void closeStatement(Object statement) {}
}
