package dev.revisit.collector.reviewlog;

import dev.revisit.testsupport.Required;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The databases the review log runs on in tests: embedded H2 in a temporary directory and the
 * machine's real PostgreSQL (127.0.0.1:5432, db test, user postgres), each test in a fresh
 * schema. PostgreSQL missing skips locally and fails in CI.
 */
final class Databases {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // the machine's PostgreSQL is shared: leave no test schemas behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
                for (String schema : CREATED) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException ignored) {
                // PostgreSQL gone already: nothing to clean
            }
        }, "drop-test-schemas"));
    }

    private Databases() {}

    static List<String> kinds() {
        return List.of("h2", "postgresql");
    }

    /** A JDBC URL for a fresh, empty database of {@code kind}. */
    static String fresh(String kind, Path dir) throws SQLException {
        if (kind.equals("h2")) {
            return ReviewLog.embeddedUrl(dir.resolve("h2-" + System.nanoTime()));
        }
        String schema = "revisit_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            throw Required.missing("PostgreSQL is not reachable at " + POSTGRES + ": " + e.getMessage());
        }
        return POSTGRES + "&currentSchema=" + schema;
    }
}
