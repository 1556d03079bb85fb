package dev.revisit.bench.agent.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The resident-memory benchmark's program. Waits until the agent (if attached) has installed
 * its instrumentation — on a busy machine that takes longer than the work — then does a
 * fixed number of H2 point selects (a fixed amount of work, not of time: garbage, and so
 * the heap's growth, follows the work), then prints its own {@code VmRSS}, again after a
 * full GC (what stays: classes, code, threads, retained data), and {@code VmHWM}.
 * Args: selects (default 200,000). Output: {@code rss_kb=<n> rss_after_gc_kb=<n> hwm_kb=<n>}.
 */
public final class SteadySelects {
    private SteadySelects() {}

    public static void main(String[] args) throws Exception {
        long selects = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        AgentProbe.awaitInstalled(120_000);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:steady")) {
            try (var create = connection.createStatement()) {
                create.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(32))");
                create.execute("INSERT INTO t SELECT X, 'name-' || X FROM SYSTEM_RANGE(0, 999)");
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
                for (long i = 0; i < selects; i++) {
                    select.setInt(1, (int) (i % 1000));
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
        long rss = status("VmRSS:");
        System.gc(); // G1 gives free heap back on a full GC: what remains is what is really held
        Thread.sleep(1_000); // ... on a thread of its own (JDK 17+), after the GC: read the resident size once it has
        System.out.printf("rss_kb=%d rss_after_gc_kb=%d hwm_kb=%d%n", rss, status("VmRSS:"), status("VmHWM:"));
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
