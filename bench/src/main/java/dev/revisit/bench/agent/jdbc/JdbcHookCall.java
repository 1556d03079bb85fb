package dev.revisit.bench.agent.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import dev.revisit.bench.agent.startup.AgentProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * What the agent's JDBC hook does around one {@code executeQuery} of a reused H2
 * {@link PreparedStatement} — the enter/exit pair its advice calls — without running the
 * query. {@link H2PointSelect} measures the same thing end to end, but its baseline (a real
 * select) swings by tens of µs on a busy machine and hides a cost of tens of ns; here the
 * baseline is the same pair on the do-nothing hook the advice calls before the agent is
 * installed, measured in the same fork. Not counted: the inlined advice glue (a static
 * volatile read and a call), a few ns.
 *
 * <p>Needs the agent: {@code java -jar benchmarks.jar JdbcHookCall -jvmArgsAppend
 * "-javaagent:agent/target/revisit-agent.jar -Drevisit.exporter=none"}. {@code JdbcHook}
 * then comes from the agent's bootstrap jar; benchmarks.jar does not bundle it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JdbcHookCall {
    private Connection connection;
    private PreparedStatement select;
    private JdbcHook agentHook;
    /** The hook every advice calls until the agent installs its own: no-op methods. */
    private final JdbcHook noopHook = new JdbcHook() {};

    @Setup
    public void setUp() throws Exception {
        if (!AgentProbe.awaitInstalled(60_000)) {
            throw new IllegalStateException("run with -jvmArgsAppend -javaagent:<agent jar>; see the class comment");
        }
        agentHook = JdbcHook.get();
        if (agentHook.getClass().getName().startsWith(JdbcHookCall.class.getName())
                || agentHook.getClass().getSuperclass() != JdbcHook.class) {
            throw new IllegalStateException("the agent did not install its JDBC hook: " + agentHook.getClass());
        }
        connection = DriverManager.getConnection("jdbc:h2:mem:hook");
        try (var create = connection.createStatement()) {
            create.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(32))");
        }
        // Prepared through the instrumented driver, so the hook has the statement's SQL summary, as in real use.
        select = connection.prepareStatement("SELECT name FROM t WHERE id = ?");
    }

    @Benchmark
    public long baselineNoopHook() {
        return executeAround(noopHook);
    }

    /** The floor of any agent that times a call: two clock reads. On a VM the clock can be most of the cost. */
    @Benchmark
    public long baselineTwoNanoTimes() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    @Benchmark
    public long agentHook() {
        return executeAround(agentHook);
    }

    private long executeAround(JdbcHook hook) {
        long start = hook.enterExecute(select, null);
        hook.exitExecute(select, start, null);
        return start;
    }

    @TearDown
    public void tearDown() throws SQLException {
        select.close();
        connection.close();
    }
}
