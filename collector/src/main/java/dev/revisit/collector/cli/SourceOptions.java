package dev.revisit.collector.cli;

import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.prometheus.PrometheusEndpoint;
import dev.revisit.collector.prometheus.PrometheusQueries;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.prometheus.PrometheusTls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--prometheus-concurrency", paramLabel = "N",
            description = "queries in flight at once (default: ${DEFAULT-VALUE}); identical queries in a round are sent once")
    int concurrency = PrometheusSource.DEFAULT_CONCURRENCY;

    @Option(names = "--prometheus-ca-file", paramLabel = "FILE", description = "PEM certificate(s) to trust for https, instead of the JDK's")
    Path caFile;

    @Option(names = "--prometheus-insecure-skip-verify",
            description = "trust any certificate and host name over https (test stores only)")
    boolean insecureSkipVerify;

    @Option(names = "--prometheus-cert-file", paramLabel = "FILE", description = "PEM client certificate for https (with --prometheus-key-file)")
    Path certFile;

    @Option(names = "--prometheus-key-file", paramLabel = "FILE", description = "its PKCS #8 PEM private key")
    Path keyFile;

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
        if ((certFile == null) != (keyFile == null)) {
            return "--prometheus-cert-file and --prometheus-key-file go together";
        }
        if (insecureSkipVerify && caFile != null) {
            return "--prometheus-insecure-skip-verify trusts everything: drop --prometheus-ca-file, or keep it and verify";
        }
        if (concurrency < 1) {
            return "--prometheus-concurrency must be at least 1";
        }
        if (bearerTokenFile != null && user != null) {
            return "--prometheus-bearer-token-file and --prometheus-user both set Authorization: choose one";
        }
        return null;
    }

    /** The query source; IllegalArgumentException or IOException with a message fit for the user. */
    PrometheusSource open() throws IOException {
        PrometheusEndpoint endpoint = new PrometheusEndpoint(url, pathPrefix, headers, Durations.parse(timeout),
                PrometheusTls.context(caFile, insecureSkipVerify, certFile, keyFile));
        if (bearerTokenFile != null) {
            endpoint = endpoint.withBearer(secret(bearerTokenFile));
        }
        if (user != null) {
            endpoint = endpoint.withBasic(user, secret(passwordFile));
        }
        return new PrometheusSource(new PrometheusQueries(endpoint), concurrency);
    }

    /** The store for people and logs: its query address, never a secret. */
    String describe() {
        return "the Prometheus-compatible store at " + url + pathPrefix;
    }

    private static String secret(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
