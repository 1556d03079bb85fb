package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revisit.collector.cli.CommandRun;
import dev.revisit.collector.cli.Main;
import dev.revisit.testsupport.PrometheusServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --source prometheus} against a real Prometheus serving TLS ({@code
 * --web.config.file}) that requires a client certificate and HTTP basic auth: the CA file, the
 * client certificate and the password file get the real values through; a missing CA, client
 * certificate or wrong password each give no_data with the reason, and skipping verification
 * works where a test store has no CA to give.
 */
class TlsPrometheusTest {

    private static final String DECISIONS = """
            decisions:
              - id: PRODUCTS
                title: Products cache
                area: caching
                decided: 2026-11-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { cache.name: products }, expect: ">= 0.5", window: 5m, for: 10m }
            """;

    @TempDir
    static Path dir;
    static PrometheusServer prometheus;
    static Map<String, String> credentials;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.create(dir, "server");
        TestCertificates.create(dir, "client");
        credentials = credentials();
        Files.writeString(dir.resolve("password"), credentials.get("password") + "\n");
        Files.writeString(dir.resolve("wrong-password"), "guess\n");
        Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);
        String web = """
                tls_server_config:
                  cert_file: %s
                  key_file: %s
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: %s
                basic_auth_users:
                  %s: '%s'
                """.formatted(dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("client.crt"),
                credentials.get("user"), credentials.get("hash"));
        prometheus = CacheRecording.start(dir, web, PrometheusTls.context(dir.resolve("server.crt"), false,
                dir.resolve("client.crt"), dir.resolve("client.key")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static Map<String, String> credentials() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        try (InputStream in = TlsPrometheusTest.class.getResourceAsStream("/prometheus/web-basic-auth.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && line.contains(": ")) {
                    values.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2).strip());
                }
            }
        }
        return values;
    }

    private record Run(int exit, JsonNode assumption, String err) {}

    private static Run evaluate(String... tlsAndAuth) throws Exception {
        List<String> args = new ArrayList<>(List.of("evaluate", "--decisions", dir.resolve("decisions.yaml").toString(),
                "--source", "prometheus", "--prometheus-url", prometheus.base().toString(),
                "--at", java.time.Instant.ofEpochSecond(CacheRecording.END).toString(), "--format", "json",
                "--prometheus-timeout", "5s"));
        args.addAll(List.of(tlsAndAuth));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        JsonNode assumption = run.out().isBlank() ? null
                : new ObjectMapper().readTree(run.out()).get("decisions").get(0).get("assumptions").get(0);
        return new Run(run.exit(), assumption, run.err());
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void theCaTheClientCertificateAndTheCredentialsGetTheStoresValues() throws Exception {
        Run run = evaluate("--prometheus-ca-file", file("server.crt"), "--prometheus-cert-file", file("client.crt"),
                "--prometheus-key-file", file("client.key"), "--prometheus-user", credentials.get("user"),
                "--prometheus-password-file", file("password"));
        assertEquals(Main.OK, run.exit(), run.err());
        assertEquals("holds", run.assumption().get("verdict").asText(), run.assumption().toString());
        assertEquals(0.8, run.assumption().get("value").asDouble(), 1e-9);
    }

    @Test
    void skippingVerificationTrustsTheSelfSignedStore() throws Exception {
        Run run = evaluate("--prometheus-insecure-skip-verify", "--prometheus-cert-file", file("client.crt"),
                "--prometheus-key-file", file("client.key"), "--prometheus-user", credentials.get("user"),
                "--prometheus-password-file", file("password"));
        assertEquals("holds", run.assumption().get("verdict").asText(), run.assumption().toString());
    }

    @Test
    void withoutTheCaTheStoreIsNotTrusted() throws Exception {
        Run run = evaluate("--prometheus-cert-file", file("client.crt"), "--prometheus-key-file", file("client.key"),
                "--prometheus-user", credentials.get("user"), "--prometheus-password-file", file("password"));
        assertEquals("no_data", run.assumption().get("verdict").asText());
        assertTrue(run.assumption().get("reason").asText().contains("unreachable")
                && run.assumption().get("reason").asText().contains("PKIX"), run.assumption().get("reason").asText());
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFails() throws Exception {
        Run run = evaluate("--prometheus-ca-file", file("server.crt"), "--prometheus-user", credentials.get("user"),
                "--prometheus-password-file", file("password"));
        assertEquals("no_data", run.assumption().get("verdict").asText());
        // TLS 1.3 refuses the missing certificate after the client's side of the handshake is done:
        // the JDK client sees the alert as a failed exchange, or (seen once under load) as no answer
        String reason = run.assumption().get("reason").asText();
        assertTrue(reason.contains("unreachable") || reason.contains("did not answer within"), reason);
    }

    @Test
    void aWrongPasswordIsTheStoresOwn401() throws Exception {
        Run run = evaluate("--prometheus-ca-file", file("server.crt"), "--prometheus-cert-file", file("client.crt"),
                "--prometheus-key-file", file("client.key"), "--prometheus-user", credentials.get("user"),
                "--prometheus-password-file", file("wrong-password"));
        assertEquals("no_data", run.assumption().get("verdict").asText());
        assertTrue(run.assumption().get("reason").asText().contains("HTTP 401"), run.assumption().get("reason").asText());
    }

    @Test
    void unreadableTlsFilesAreUsageErrors() throws Exception {
        Files.writeString(dir.resolve("not-a-cert.pem"), "hello\n");
        Run garbage = evaluate("--prometheus-ca-file", file("not-a-cert.pem"));
        assertEquals(Main.USAGE, garbage.exit());
        assertTrue(garbage.err().contains("not-a-cert.pem"), garbage.err());

        Run certAsKey = evaluate("--prometheus-cert-file", file("client.crt"), "--prometheus-key-file", file("client.crt"));
        assertEquals(Main.USAGE, certAsKey.exit());
        assertTrue(certAsKey.err().contains("no PKCS #8 private key"), certAsKey.err());

        Run both = evaluate("--prometheus-insecure-skip-verify", "--prometheus-ca-file", file("server.crt"));
        assertEquals(Main.USAGE, both.exit());
    }
}
