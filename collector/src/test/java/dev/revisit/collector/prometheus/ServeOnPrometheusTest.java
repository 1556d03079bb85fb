package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revisit.collector.api.ServiceOptions;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.cli.CommandRun;
import dev.revisit.collector.cli.Main;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.engine.DecisionsWatch;
import dev.revisit.collector.engine.RunningCollector;
import dev.revisit.collector.server.ServerConfig;
import dev.revisit.testsupport.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} reading a real Prometheus that holds an hour of replayed cache counters: the API,
 * the status page and {@code /metrics} show verdicts equal to {@code evaluate --source prometheus}
 * at the same instant, and OTLP sent to it is refused with a 404 that says why.
 */
class ServeOnPrometheusTest {

    private static final String DECISIONS = """
            decisions:
              - id: PRODUCTS
                title: Products cache
                area: caching
                decided: 2026-11-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { service.name: shop, cache.name: products }, expect: ">= 0.5", window: 5m, for: 10m }
              - id: SEARCH
                title: Search cache
                area: caching
                decided: 2026-11-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { service.name: shop, cache.name: search }, expect: ">= 0.8", window: 2m, for: 5m }
              - id: ORDERS
                title: Orders database
                area: storage
                decided: 2026-11-01
                assumptions:
                  - { signal: db.latency.p99, scope: { service.name: orders }, expect: "< 50ms" }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theServicesVerdictsAreTheOnesEvaluateGivesFromTheSameStore(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);
        Instant at = Instant.ofEpochSecond(CacheRecording.END);
        try (PrometheusServer prometheus = CacheRecording.start(dir)) {
            PrometheusQueries queries = new PrometheusQueries(new PrometheusEndpoint(prometheus.base(), "", Map.of(),
                    Duration.ofSeconds(10)).withHeader("X-Scope-OrgID", "team-a"));
            try (RunningCollector collector = RunningCollector.startReading(new PrometheusSource(queries, 2),
                    "the test's Prometheus", new DecisionsWatch(file, new DecisionsReader(Catalog.builtIn())),
                    dir.resolve("collector"), ServerConfig.DEFAULT.withPort(0), Duration.ofHours(1),
                    Clock.fixed(at, ZoneOffset.UTC), ServiceOptions.DEFAULT)) {
                collector.verdicts().round();
                URI base = collector.uri();

                JsonNode api = JSON.readTree(get(base.resolve("/api/v1/decisions")).body());
                assertEquals(List.of("PRODUCTS=holds", "SEARCH=review", "ORDERS=no_data"), verdicts(api));
                JsonNode cli = JSON.readTree(evaluate(file, prometheus.base(), at));
                assertEquals(verdicts(cli), verdicts(api));
                for (int i = 0; i < 3; i++) {
                    JsonNode fromApi = api.get("decisions").get(i).get("assumptions").get(0);
                    JsonNode fromCli = cli.get("decisions").get(i).get("assumptions").get(0);
                    assertEquals(fromCli.get("value").asDouble(Double.NaN), fromApi.get("value").asDouble(Double.NaN), 1e-12);
                    assertEquals(fromCli.get("since"), fromApi.get("since"));
                }
                assertEquals(0.8, api.get("decisions").get(0).get("assumptions").get(0).get("value").asDouble(), 1e-9);
                assertEquals(0.6, api.get("decisions").get(1).get("assumptions").get(0).get("value").asDouble(), 1e-9);

                HttpResponse<String> page = get(base.resolve("/decisions/SEARCH"));
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("<svg"), "the chart is drawn from the store's range query");
                String metrics = get(base.resolve("/metrics")).body();
                assertTrue(metrics.contains("revisit_decision_verdict{area=\"caching\",decision=\"SEARCH\",verdict=\"review\"} 1.0"),
                        metrics);
                assertFalse(metrics.contains("revisit_collector_store_series"), "no embedded store to report on");

                HttpResponse<String> otlp = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/metrics"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, otlp.statusCode());
                assertTrue(otlp.body().contains("reads its signals from the test's Prometheus and takes no OTLP"), otlp.body());
                assertFalse(Files.exists(dir.resolve("collector").resolve("store")), "no embedded store opened");
            }
        }
    }

    @Test
    void serveRejectsInconsistentSourceOptionsBeforeStarting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);
        assertEquals(Main.USAGE, Main.run("serve", "--decisions", file.toString(), "--source", "prometheus"));
        assertEquals(Main.USAGE, Main.run("serve", "--decisions", file.toString(), "--source", "prometheus",
                "--prometheus-url", "http://127.0.0.1:9", "--prometheus-concurrency", "0"));
        assertEquals(Main.USAGE, Main.run("serve", "--decisions", file.toString(), "--source", "prometheus",
                "--prometheus-url", "https://127.0.0.1:9", "--prometheus-ca-file", dir.resolve("missing.pem").toString()));
    }

    private static List<String> verdicts(JsonNode body) {
        List<String> verdicts = new ArrayList<>();
        body.get("decisions").forEach(d -> verdicts.add(d.get("id").asText() + "=" + d.get("verdict").asText()));
        return verdicts;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String evaluate(Path file, URI prometheus, Instant at) {
        return CommandRun.of("evaluate", "--decisions", file.toString(), "--source", "prometheus", "--prometheus-url",
                prometheus.toString(), "--at", at.toString(), "--format", "json").out();
    }
}
