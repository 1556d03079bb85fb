package dev.revisit.bench.agent.jdbc;

import dev.revisit.bench.agent.startup.AgentProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * One point select on an in-memory H2 through a reused {@link PreparedStatement}: the
 * cheapest real JDBC call there is, so whatever the agent adds shows up. This class has no
 * agent of its own; {@link H2SelectOverhead} runs it in forks with and without
 * {@code -javaagent} and compares them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class H2PointSelect {
    private static final int ROWS = 1_000;

    private Connection connection;
    private PreparedStatement select;
    private int nextId;

    @Setup(Level.Trial)
    public void open() throws Exception {
        // Measuring before the agent is done installing would time an uninstrumented H2.
        AgentProbe.awaitInstalled(60_000);
        connection = DriverManager.getConnection("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        try (var create = connection.createStatement()) {
            create.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(32))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int id = 0; id < ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "name-" + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        select = connection.prepareStatement("SELECT name FROM t WHERE id = ?");
    }

    @Benchmark
    public String pointSelect() throws SQLException {
        // Walk the keys so H2 does not answer from a one-row result it just produced.
        int id = nextId;
        nextId = id + 1 == ROWS ? 0 : id + 1;
        select.setInt(1, id);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        select.close();
        try (var drop = connection.createStatement()) {
            drop.execute("DROP TABLE t");
        }
        connection.close();
    }
}
