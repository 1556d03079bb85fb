package dev.revisit.examples.hello;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small H2 application: a catalog table whose rows carry a customer e-mail, and 100,000
 * point selects by id. Run with the agent and {@code -Drevisit.exporter=prometheus}: it then
 * reads its own agent's scrape endpoint and prints what was exported per operation and
 * table — and whether the e-mail (a SQL literal) appears anywhere in it.
 */
public final class PointSelects {
    private static final String LITERAL = "jane.doe@example.com";
    private static final Pattern COUNT = Pattern.compile(
            "^db_client_operation_duration_seconds_count\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern SUM = Pattern.compile(
            "^db_client_operation_duration_seconds_sum\\{(.*)} (\\S+)$", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        int selects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        awaitAgent();
        long start = System.nanoTime();
        long found = run(selects);
        long elapsed = System.nanoTime() - start;
        System.out.printf("ran %,d point selects (%,d found) in %,d ms%n", selects, found, elapsed / 1_000_000);

        String port = System.getProperty("revisit.prometheus.port");
        if (port == null) {
            System.out.println("(attach the agent with -Drevisit.exporter=prometheus to see what it exported)");
            return;
        }
        String scrape;
        try {
            scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            System.out.println("could not read the agent's endpoint at 127.0.0.1:" + port + " (" + e + "); see the [revisit] lines above");
            System.exit(1);
            return;
        }
        printSummary(scrape);
        boolean leaked = scrape.contains(LITERAL) || scrape.contains("jane.doe");
        System.out.println(leaked
                ? "LEAK: the SQL literal '" + LITERAL + "' appears in the exported metrics"
                : "no SQL literal in the exported metrics (checked for '" + LITERAL + "')");
        if (leaked) {
            System.exit(1);
        }
    }

    private static long run(int selects) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:catalog")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40), owner_email VARCHAR(80))");
                s.executeUpdate("INSERT INTO products VALUES (0, 'kettle', '" + LITERAL + "')");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO products VALUES (?, ?, ?)")) {
                for (int i = 1; i < 1_000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "product " + i);
                    insert.setString(3, LITERAL);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long found = 0;
            for (int i = 0; i < selects; i++) {
                try (PreparedStatement select = c.prepareStatement("SELECT name FROM products WHERE id = ?")) {
                    select.setInt(1, i % 1_000);
                    try (ResultSet rs = select.executeQuery()) {
                        found += rs.next() ? 1 : 0;
                    }
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM products WHERE owner_email = '" + LITERAL + "'")) {
                rs.next();
            }
            return found;
        }
    }

    /** One line per exported series: operation, table, count, mean. */
    private static void printSummary(String scrape) {
        Map<String, double[]> series = new TreeMap<>();
        collect(scrape, COUNT, series, 0);
        collect(scrape, SUM, series, 1);
        System.out.println();
        System.out.println("exported db.client.operation.duration (from the agent's Prometheus endpoint):");
        System.out.printf("  %-14s %-13s %-12s %10s %12s%n", "db.system", "operation", "table", "count", "mean");
        series.forEach((labels, v) -> System.out.printf("  %-14s %-13s %-12s %,10d %9.1f µs%n",
                label(labels, "db_system_name"), label(labels, "db_operation_name"), label(labels, "db_collection_name"),
                (long) v[0], v[0] == 0 ? 0 : v[1] / v[0] * 1e6));
        System.out.println();
    }

    private static void collect(String scrape, Pattern pattern, Map<String, double[]> series, int slot) {
        Matcher m = pattern.matcher(scrape);
        while (m.find()) {
            series.computeIfAbsent(m.group(1), k -> new double[2])[slot] = Double.parseDouble(m.group(2));
        }
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "-";
    }

    /** The agent installs off the main thread; wait for it so every select is measured. */
    private static void awaitAgent() throws Exception {
        try {
            Class<?> status = Class.forName("dev.revisit.agent.bootstrap.AgentStatus", true, null);
            status.getMethod("awaitInstalled", long.class).invoke(null, 30_000L);
        } catch (ClassNotFoundException noAgent) {
            // running without the agent
        }
    }
}
