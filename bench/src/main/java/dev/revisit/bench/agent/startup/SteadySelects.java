package dev.revisit.bench.agent.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The resident-memory benchmark's program: H2 point selects for a while (so the agent has
 * instrumented, recorded and, if configured, exported), then prints its own {@code VmRSS}
 * and {@code VmHWM} from {@code /proc/self/status}. Args: seconds to run (default 10).
 * Output: {@code rss_kb=<n> hwm_kb=<n> selects=<n>}.
 */
public final class SteadySelects {
    private SteadySelects() {}

    public static void main(String[] args) throws SQLException, IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long selects = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:steady")) {
            try (var create = connection.createStatement()) {
                create.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(32))");
                create.execute("INSERT INTO t SELECT X, 'name-' || X FROM SYSTEM_RANGE(0, 999)");
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    select.setInt(1, (int) (selects % 1000));
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                    }
                    selects++;
                }
            }
        }
        System.out.printf("rss_kb=%d hwm_kb=%d selects=%d%n", status("VmRSS:"), status("VmHWM:"), selects);
    }

    /** A {@code /proc/self/status} line's value in kB. */
    private static long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(key + " not in /proc/self/status");
    }
}
