package dev.revisit.testapp.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that goes wrong, and what the application observes of it, printed line by
 * line — the same with and without the agent, or the agent changed the application.
 */
public final class JdbcFaults {
    public static final String SECRET = "faulty-s3cret";

    interface Step {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> seen = new ArrayList<>();
        Connection c = DriverManager.getConnection("jdbc:h2:mem:faults");
        Statement s = c.createStatement();
        observe(seen, "unparseable", () -> s.execute("FROBNICATE '" + SECRET + "' WITH gusto"));
        observe(seen, "missing table", () -> s.executeQuery("SELECT * FROM nowhere WHERE x = '" + SECRET + "'"));
        observe(seen, "prepare bad sql", () -> c.prepareStatement("SELEKT 1"));
        PreparedStatement closedStatement = c.prepareStatement("SELECT 1");
        closedStatement.close();
        observe(seen, "closed statement", closedStatement::executeQuery);
        Statement throwing = new ThrowingStatement();
        observe(seen, "driver runtime exception", () -> throwing.executeQuery("SELECT 1 FROM dual"));
        observe(seen, "driver sql exception", () -> throwing.executeUpdate("UPDATE t SET a = 1"));
        observe(seen, "driver batch exception", throwing::executeBatch);
        c.close();
        observe(seen, "closed connection prepare", () -> c.prepareStatement("SELECT 1"));
        observe(seen, "closed connection execute", () -> s.execute("SELECT 1"));
        seen.forEach(System.out::println);
    }

    private static void observe(List<String> seen, String what, Step step) {
        try {
            Object result = step.run();
            seen.add(what + ": returned " + (result == null ? "null" : result.getClass().getName()));
        } catch (Throwable t) {
            String state = t instanceof java.sql.SQLException e ? " state=" + e.getSQLState() : "";
            seen.add(what + ": threw " + t.getClass().getName() + state + " " + t.getMessage());
        }
    }
}
