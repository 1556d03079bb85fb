package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import dev.revisit.agent.testing.ThreadAllocation;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC hook on its own, with a real H2 statement, as the advice calls it. */
class JdbcMetricsTest {
    private static long selectCount(Recorder recorder) {
        MetricView view = recorder.collect().stream().filter(v -> v.name().equals(JdbcMetrics.METRIC)).findFirst().orElseThrow();
        return view.points().stream()
                .filter(p -> p.attributeValues().equals(List.of("h2database", "hooks", "SELECT", "t", "", "")))
                .mapToLong(PointView::count).sum();
    }

    @Test
    void nestedCallsCountOnceAndThePreparedSqlIsUsed() throws Exception {
        Recorder recorder = new Recorder(100, 1_000);
        JdbcMetrics hook = new JdbcMetrics(recorder, 100);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:hooks")) {
            c.createStatement().execute("CREATE TABLE t (id INT)");
            // A pool proxy's prepare wrapping the driver's: only the outer one is remembered.
            hook.enterPrepare();
            hook.enterPrepare();
            PreparedStatement inner = c.prepareStatement("SELECT id FROM t");
            hook.exitPrepare(inner, "SELECT id FROM t");
            PreparedStatement outer = inner;
            hook.exitPrepare(outer, "SELECT id FROM t");
            long start = hook.enterExecute(outer, null);
            assertEquals(0L, hook.enterExecute(inner, null), "nested execute must not time");
            hook.exitExecute(inner, 0L, null);
            hook.exitExecute(outer, start, null);
            hook.closeStatement(outer);
            assertEquals(1, selectCount(recorder));
        }
    }

    @Test
    void prepareExecuteCloseAllocatesNothingInSteadyState() throws Exception {
        Recorder recorder = new Recorder(100, 1_000);
        JdbcMetrics hook = new JdbcMetrics(recorder, 100);
        String sql = "SELECT id FROM t WHERE id = ?";
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:hooks")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS t (id INT)");
            PreparedStatement ps = c.prepareStatement(sql);
            int[] runs = {0};
            Runnable cycle = () -> {
                runs[0]++;
                for (int i = 0; i < 50_000; i++) {
                    hook.enterPrepare();
                    hook.exitPrepare(ps, sql);
                    long start = hook.enterExecute(ps, null);
                    hook.exitExecute(ps, start, null);
                    hook.closeStatement(ps);
                }
            };
            long bytes = ThreadAllocation.afterWarmUp(cycle, 5);
            assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 50,000 prepare/execute/close cycles");
            assertEquals(runs[0] * 50_000L, selectCount(recorder));
        }
    }
}
