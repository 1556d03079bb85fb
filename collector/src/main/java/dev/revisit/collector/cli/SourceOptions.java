package dev.revisit.collector.cli;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.prometheus.PrometheusEndpoint;
import dev.revisit.collector.prometheus.PrometheusQueries;
import dev.revisit.collector.prometheus.PrometheusSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where signals are read from: the embedded store ({@code --data-dir}) or a Prometheus-compatible
 * query API. Secrets come from files, never from the command line, where {@code ps} shows them.
 */
final class SourceOptions {

    @Option(names = "--source", paramLabel = "SOURCE", description = "embedded or prometheus (default: ${DEFAULT-VALUE})")
    String source = "embedded";

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "the query API's base URL, e.g. http://mimir:8080")
    URI url;

    @Option(names = "--prometheus-path-prefix", paramLabel = "PATH",
            description = "before /api/v1: /prometheus for Mimir, /select/<tenant>/prometheus for VictoriaMetrics cluster")
    String pathPrefix = "";

    @Option(names = "--prometheus-header", paramLabel = "NAME=VALUE", description = "sent with every query, e.g. X-Scope-OrgID=team-a (repeatable)")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--prometheus-bearer-token-file", paramLabel = "FILE", description = "sends Authorization: Bearer <the file's text>")
    Path bearerTokenFile;

    @Option(names = "--prometheus-user", paramLabel = "USER", description = "HTTP basic auth user (with --prometheus-password-file)")
    String user;

    @Option(names = "--prometheus-password-file", paramLabel = "FILE", description = "HTTP basic auth password")
    Path passwordFile;

    @Option(names = "--prometheus-timeout", paramLabel = "DURATION", description = "per query (default: ${DEFAULT-VALUE})")
    String timeout = "10s";

    boolean prometheus() {
        return "prometheus".equals(source);
    }

    /** Whether the options make sense together; null when they do, else what is wrong. */
    String problem() {
        if (!List.of("embedded", "prometheus").contains(source)) {
            return "--source takes embedded or prometheus, not '" + source + "'";
        }
        if (prometheus() && url == null) {
            return "--source prometheus needs --prometheus-url";
        }
        if ((user == null) != (passwordFile == null)) {
            return "--prometheus-user and --prometheus-password-file go together";
        }
        return null;
    }

    /** The query source; IllegalArgumentException or IOException with a message fit for the user. */
    Function<Assumption, Bound> open() throws IOException {
        PrometheusEndpoint endpoint = new PrometheusEndpoint(url, pathPrefix, headers, Durations.parse(timeout));
        if (bearerTokenFile != null) {
            endpoint = endpoint.withBearer(secret(bearerTokenFile));
        }
        if (user != null) {
            endpoint = endpoint.withBasic(user, secret(passwordFile));
        }
        return new PrometheusSource(new PrometheusQueries(endpoint));
    }

    private static String secret(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
