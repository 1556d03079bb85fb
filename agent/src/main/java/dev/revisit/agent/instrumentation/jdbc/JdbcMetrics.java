package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.Recorder;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The JDBC hook: times the outermost {@code execute*} per thread into
 * {@code db.client.operation.duration}. The SQL comes from the execute argument or from the
 * {@code prepareStatement}/{@code prepareCall} that created the statement; the database
 * from the statement's connection, read once per physical connection.
 */
final class JdbcMetrics extends JdbcHook {
    static final String METRIC = "db.client.operation.duration";

    private final Histogram duration;
    private final SqlSummarizer summarizer;
    private final WeakIdentityMap<ConnectionInfo> connections = new WeakIdentityMap<>(10_000);
    /** Prepared statements whose thread slot was taken by a newer one while they were still open. */
    private final WeakIdentityMap<SqlSummary> openStatements = new WeakIdentityMap<>(10_000);
    private final ThreadLocal<JdbcThreadState> threads = ThreadLocal.withInitial(JdbcThreadState::new);

    JdbcMetrics(Recorder recorder, int sqlCacheSize) {
        this.duration = recorder.durationHistogram(METRIC, "Duration of database client operations over JDBC",
                "db.system.name", "db.namespace", "db.operation.name", "db.collection.name", "server.address", "error.type");
        this.summarizer = new SqlSummarizer(sqlCacheSize);
    }

    @Override
    public void enterPrepare() {
        threads.get().prepareDepth++;
    }

    @Override
    public void exitPrepare(Object statement, Object sql) {
        JdbcThreadState state = threads.get();
        if (state.prepareDepth > 0 && --state.prepareDepth > 0) {
            return;
        }
        if (statement == null || !(sql instanceof String text)) {
            return;
        }
        SqlSummary summary = summarizer.summarize(text);
        if (state.preparedStatement != null && state.preparedStatement != statement) {
            openStatements.put(state.preparedStatement, state.preparedSummary);
        }
        state.preparedStatement = statement;
        state.preparedSummary = summary;
    }

    @Override
    public long enterExecute(Object statement, Object firstArgument) {
        JdbcThreadState state = threads.get();
        if (state.executeDepth++ > 0) {
            return 0L;
        }
        state.batch = false;
        state.executeSql = firstArgument instanceof String sql ? sql : null;
        return System.nanoTime();
    }

    @Override
    public long enterExecuteBatch(Object statement) {
        JdbcThreadState state = threads.get();
        if (state.executeDepth++ > 0) {
            return 0L;
        }
        state.batch = true;
        state.executeSql = null;
        return System.nanoTime();
    }

    @Override
    public void exitExecute(Object statement, long start, Throwable thrown) {
        JdbcThreadState state = threads.get();
        if (state.executeDepth == 0) {
            return; // entered before the agent finished installing
        }
        if (state.executeDepth > 1 || start == 0L) {
            state.executeDepth--;
            return;
        }
        long elapsed = System.nanoTime() - start;
        try {
            SqlSummary summary = summaryOf(state, statement);
            ConnectionInfo info = connectionOf(statement);
            if (thrown == null) {
                info.succeeded(summary, duration).record(elapsed);
            } else {
                info.failed(summary, duration, thrown).record(elapsed);
            }
        } finally {
            state.executeDepth = 0;
            state.executeSql = null;
        }
    }

    @Override
    public void closeStatement(Object statement) {
        JdbcThreadState state = threads.get();
        if (state.preparedStatement == statement) {
            state.preparedStatement = null;
            state.preparedSummary = null;
        } else if (openStatements.size() > 0) {
            openStatements.remove(statement);
        }
    }

    private SqlSummary summaryOf(JdbcThreadState state, Object statement) {
        SqlSummary summary;
        if (state.executeSql != null) {
            summary = summarizer.summarize(state.executeSql);
        } else if (statement == state.preparedStatement) {
            summary = state.preparedSummary;
        } else {
            summary = openStatements.get(statement);
        }
        if (summary == null) {
            summary = SqlSummary.UNKNOWN;
        }
        return state.batch ? summary.batch() : summary;
    }

    /** The physical connection's facts; a pool's proxy connection is unwrapped, not remembered. */
    private ConnectionInfo connectionOf(Object statement) {
        Connection connection;
        try {
            connection = ((Statement) statement).getConnection();
        } catch (Throwable closedOrBroken) {
            return ConnectionInfo.UNKNOWN;
        }
        if (connection == null) {
            return ConnectionInfo.UNKNOWN;
        }
        ConnectionInfo info = connections.get(connection);
        if (info != null) {
            return info;
        }
        Connection physical = connection;
        try {
            Connection unwrapped = connection.unwrap(Connection.class);
            if (unwrapped != null) {
                physical = unwrapped;
            }
        } catch (Throwable notAWrapper) {
            // The driver's own connection: use it as it is.
        }
        if (physical != connection) {
            info = connections.get(physical);
            if (info != null) {
                return info;
            }
        }
        try {
            info = ConnectionInfo.fromUrl(physical.getMetaData().getURL());
        } catch (Throwable t) {
            AgentLog.once("jdbc-url:" + physical.getClass().getName(),
                    "could not read the JDBC URL from " + physical.getClass().getName() + "; its operations are reported as other_sql", t);
            info = ConnectionInfo.UNKNOWN;
        }
        connections.put(physical, info);
        return info;
    }
}
