package dev.revisit.collector.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revisit.collector.api.ServiceFixture;
import dev.revisit.collector.engine.RunningCollector;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes the collector's /metrics; the series the
 * dashboards and alert rules read come back from its query API with the promised labels.
 */
class MetricsScrapeTest {

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheDecisionGaugesAndHealth() throws Exception {
        Tool prometheus = Tool.require("prometheus", "prometheus");
        try (RunningCollector collector = ServiceFixture.start(dir)) {
            HttpResponse<String> text = ServiceFixture.get(collector.uri().resolve("/metrics"));
            assertEquals(200, text.statusCode());
            assertTrue(text.body().contains("revisit_decision_info{"), "the _info suffix survives: " + text.body());

            Files.createDirectories(dir.resolve("prom"));
            String config = """
                    global: { scrape_interval: 1s, scrape_timeout: 1s }
                    scrape_configs:
                      - job_name: revisit
                        static_configs: [ { targets: ["%s"] } ]
                    """.formatted(collector.uri().getAuthority());
            try (PrometheusServer server = PrometheusServer.start(prometheus, dir.resolve("prom"), config)) {
                JsonNode up = awaitSeries(server, "up{job=\"revisit\"} == 1");
                assertEquals(1, up.size(), server.log());
                assertTrue(query(server, "scrape_samples_post_metric_relabeling{job=\"revisit\"} > 0").size() == 1);

                JsonNode verdict = query(server, "revisit_decision_verdict == 1");
                Map<String, String> current = new HashMap<>();
                verdict.forEach(s -> current.put(s.get("metric").get("decision").asText(), s.get("metric").get("verdict").asText()));
                assertEquals(Map.of("ADR-15", "review", "ADR-16", "no_data", "ADR-17", "review_due"), current);
                assertEquals(15, query(server, "revisit_decision_verdict").size(), "five verdicts per decision");

                JsonNode info = query(server, "revisit_decision_info{decision=\"ADR-16\"}").get(0).get("metric");
                assertEquals("Cache <b>catalog</b> & \"prices\" <script>alert(1)</script>", info.get("title").asText());
                assertEquals("team-catalog", info.get("owner").asText());
                assertEquals("caching", info.get("area").asText());
                assertEquals("https://example.com/adr/15",
                        query(server, "revisit_decision_info{decision=\"ADR-15\"}").get(0).get("metric").get("link").asText());

                JsonNode value = query(server, "revisit_assumption_value").get(0);
                JsonNode labels = value.get("metric");
                assertEquals(1, query(server, "revisit_assumption_value").size(), "no series without data");
                assertEquals(6000, value.get("value").get(1).asDouble(), 1e-9);
                assertEquals("ADR-15", labels.get("decision").asText());
                assertEquals("async", labels.get("area").asText());
                assertEquals("queue.lag.messages", labels.get("signal").asText());
                assertEquals("1", labels.get("assumption").asText());
                assertEquals("messaging.destination.name=orders.*,service.name=billing", labels.get("scope").asText());
                assertEquals("billing", labels.get("service_name").asText());
                assertFalse(labels.has("deployment_environment_name"), "not pinned: absent, not empty");

                JsonNode threshold = query(server, "revisit_assumption_threshold{decision=\"ADR-16\"}").get(0);
                assertEquals(0.05, threshold.get("value").get(1).asDouble(), 1e-12, "50ms in seconds");
                assertEquals("<", threshold.get("metric").get("comparison").asText());
                assertEquals("< 50ms", threshold.get("metric").get("expect").asText());

                assertEquals(1, query(server, "revisit_assumption_has_data{decision=\"ADR-15\"} == 1").size());
                assertEquals(1, query(server, "revisit_assumption_has_data{decision=\"ADR-16\"} == 0").size());

                assertTrue(query(server, "revisit_collector_points_received_total >= 3").size() == 1, "three lag points");
                assertEquals(1, query(server, "revisit_collector_points_rejected_total == 0").size());
                assertEquals(1, query(server, "revisit_collector_evaluation_seconds_count >= 1").size());
                assertEquals(1, query(server, "revisit_collector_store_series >= 3").size());
            }
        }
    }

    private static JsonNode query(PrometheusServer server, String promql) throws Exception {
        JsonNode body = server.get("/api/v1/query", "query", promql);
        assertEquals("success", body.get("status").asText(), promql + ": " + body);
        return body.get("data").get("result");
    }

    private static JsonNode awaitSeries(PrometheusServer server, String promql) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode result = query(server, promql);
        while (result.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            result = query(server, promql);
        }
        return result;
    }
}
