package dev.revisit.agent.instrumentation.datasource;

import dev.revisit.agent.bootstrap.datasource.DataSourceHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;
import dev.revisit.agent.recorder.Recorder;

import java.lang.reflect.Method;

/**
 * The hook behind {@code db.client.connection.wait_time}: the outermost
 * {@code getConnection} per thread (a pool's data source calling a driver's data source is
 * one wait), by pool name — HikariCP's own {@code poolName}, else the data source's class.
 */
final class ConnectionWait extends DataSourceHook {
    static final String METRIC = "db.client.connection.wait_time";

    private final Histogram waitTime;
    private final WeakIdentityMap<HistogramSeries> byDataSource = new WeakIdentityMap<>(1_000);
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    ConnectionWait(Recorder recorder) {
        this.waitTime = recorder.durationHistogram(METRIC, "Time it took to obtain a connection from a data source or pool",
                "db.client.connection.pool.name");
    }

    @Override
    public long enterGetConnection() {
        int[] d = depth.get();
        return d[0]++ == 0 ? System.nanoTime() : 0L;
    }

    @Override
    public void exitGetConnection(Object dataSource, long start, Throwable thrown) {
        int[] d = depth.get();
        if (d[0] == 0) {
            return;
        }
        if (--d[0] > 0 || start == 0L) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        HistogramSeries series = byDataSource.get(dataSource);
        if (series == null) {
            series = waitTime.series(poolName(dataSource));
            byDataSource.put(dataSource, series);
        }
        series.record(elapsed);
    }

    /** HikariCP names its pools (poolName, default HikariPool-N); other data sources go by class. */
    static String poolName(Object dataSource) {
        Class<?> type = dataSource.getClass();
        try {
            Method getter = type.getMethod("getPoolName");
            if (getter.getReturnType() == String.class) {
                Object name = getter.invoke(dataSource);
                if (name instanceof String s && !s.isEmpty()) {
                    return s;
                }
            }
        } catch (NoSuchMethodException notAPool) {
            // fall through to the class name
        } catch (Throwable t) {
            AgentLog.once("pool-name:" + type.getName(), "could not read the pool name of " + type.getName(), t);
        }
        return type.getSimpleName();
    }
}
