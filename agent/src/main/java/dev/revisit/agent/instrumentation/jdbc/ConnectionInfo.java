package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which database a connection talks to — {@code db.system.name}, {@code db.namespace},
 * {@code server.address} — read once from its JDBC URL, plus the series it has used,
 * so a repeated statement finds its series with one map lookup.
 */
final class ConnectionInfo {
    static final ConnectionInfo UNKNOWN = new ConnectionInfo("other_sql", null, null);
    private static final int MAX_CACHED_SERIES = 1_000;

    final String system;
    final String namespace;
    final String address;
    private final ConcurrentHashMap<SqlSummary, HistogramSeries> series = new ConcurrentHashMap<>();

    ConnectionInfo(String system, String namespace, String address) {
        this.system = system;
        this.namespace = namespace;
        this.address = address;
    }

    HistogramSeries succeeded(SqlSummary summary, Histogram duration) {
        HistogramSeries found = series.get(summary);
        if (found == null) {
            found = duration.series(system, namespace, summary.operation, summary.collection, address, null);
            if (series.size() < MAX_CACHED_SERIES) {
                series.put(summary, found);
            }
        }
        return found;
    }

    HistogramSeries failed(SqlSummary summary, Histogram duration, Throwable thrown) {
        return duration.series(system, namespace, summary.operation, summary.collection, address, thrown.getClass().getName());
    }

    /** Parses {@code jdbc:<subprotocol>:...}; user, password and parameters are never kept. */
    static ConnectionInfo fromUrl(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return UNKNOWN;
        }
        String rest = url.substring(5);
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return UNKNOWN;
        }
        String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        String body = rest.substring(colon + 1);
        return switch (subprotocol) {
            case "postgresql", "pgsql" -> hierarchical("postgresql", body);
            case "mysql" -> hierarchical("mysql", body);
            case "mariadb" -> hierarchical("mariadb", body);
            case "sqlserver" -> sqlServer(body);
            case "oracle" -> oracle(body);
            case "h2" -> h2(body);
            case "hsqldb" -> new ConnectionInfo("hsqldb", lastSegment(body), null);
            case "derby" -> new ConnectionInfo("derby", lastSegment(body), null);
            case "sqlite" -> new ConnectionInfo("sqlite", lastSegment(body), null);
            case "db2" -> hierarchical("ibm.db2", body);
            default -> new ConnectionInfo("other_sql", null, null);
        };
    }

    /** {@code //user:pw@host:port,host2/db?params} */
    private static ConnectionInfo hierarchical(String system, String body) {
        if (!body.startsWith("//")) {
            return new ConnectionInfo(system, null, null);
        }
        String authorityAndPath = cut(body.substring(2), '?', ';');
        int slash = authorityAndPath.indexOf('/');
        String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
        String database = slash < 0 ? null : emptyToNull(authorityAndPath.substring(slash + 1));
        return new ConnectionInfo(system, database, host(authority));
    }

    private static ConnectionInfo sqlServer(String body) {
        String host = body.startsWith("//") ? host(cut(body.substring(2), ';', '?')) : null;
        String database = null;
        for (String part : body.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("databaseName")) {
                database = emptyToNull(part.substring(eq + 1).trim());
            }
        }
        return new ConnectionInfo("microsoft.sql_server", database, host);
    }

    private static ConnectionInfo oracle(String body) {
        int at = body.indexOf('@');
        if (at < 0) {
            return new ConnectionInfo("oracle.db", null, null);
        }
        String target = body.substring(at + 1);
        if (target.startsWith("//")) {
            target = target.substring(2);
        }
        if (target.startsWith("(")) {
            return new ConnectionInfo("oracle.db", null, null);
        }
        int slash = target.indexOf('/');
        String service = slash < 0 ? null : emptyToNull(cut(target.substring(slash + 1), '?', ';'));
        return new ConnectionInfo("oracle.db", service, host(slash < 0 ? target : target.substring(0, slash)));
    }

    /** {@code mem:name}, {@code file:path}, {@code tcp://host/path}, or a bare path; options after ';'. */
    private static ConnectionInfo h2(String body) {
        String target = cut(body, ';', '?');
        String host = null;
        if (target.startsWith("tcp:") || target.startsWith("ssl:")) {
            String remote = target.substring(4);
            if (remote.startsWith("//")) {
                remote = remote.substring(2);
                int slash = remote.indexOf('/');
                host = host(slash < 0 ? remote : remote.substring(0, slash));
                target = slash < 0 ? "" : remote.substring(slash + 1);
            }
        } else if (target.startsWith("mem:") || target.startsWith("file:")) {
            target = target.substring(target.indexOf(':') + 1);
        }
        return new ConnectionInfo("h2database", lastSegment(target), host);
    }

    private static String host(String authority) {
        String first = cut(authority, ',', '/');
        int at = first.lastIndexOf('@');
        if (at >= 0) {
            first = first.substring(at + 1);
        }
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            return close > 0 ? first.substring(1, close) : null;
        }
        int colon = first.indexOf(':');
        return emptyToNull(colon < 0 ? first : first.substring(0, colon));
    }

    private static String lastSegment(String path) {
        String cleaned = cut(path, ';', '?');
        int slash = Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\'));
        String name = slash < 0 ? cleaned : cleaned.substring(slash + 1);
        int colon = name.lastIndexOf(':');
        return emptyToNull(colon < 0 ? name : name.substring(colon + 1));
    }

    private static String cut(String s, char a, char b) {
        int end = s.length();
        int i = s.indexOf(a);
        if (i >= 0) {
            end = i;
        }
        int j = s.indexOf(b);
        if (j >= 0 && j < end) {
            end = j;
        }
        return s.substring(0, end);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
