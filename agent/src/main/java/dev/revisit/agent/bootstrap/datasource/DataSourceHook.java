package dev.revisit.agent.bootstrap.datasource;

/** What {@code DataSource.getConnection} advice calls; no-op until the agent installs the real hook. */
public abstract class DataSourceHook {
    private static volatile DataSourceHook current = new DataSourceHook() {};

    public static DataSourceHook get() {
        return current;
    }

    public static void install(DataSourceHook hook) {
        current = hook;
    }

    /** @return a start timestamp to pass back to {@link #exitGetConnection}, or 0 when nested */
    public long enterGetConnection() {
        return 0L;
    }

    public void exitGetConnection(Object dataSource, long start, Throwable thrown) {}
}
