package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revisit.testsupport.GrafanaDashboard;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards and rules on a real Prometheus holding synthetic data for every metric they
 * read: each panel query, variables filled in as Grafana fills them, parses and returns data
 * (the known values checked where they prove a join), each variable query finds its values,
 * and the alert rules load and evaluate cleanly.
 */
class QueriesOnPrometheusTest {

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");
    /** Values for variables without an "All" option; the rest get their allValue, as when All is chosen. */
    private static final Map<String, String> CHOSEN = Map.of("window", "5m", "decision", "ADR-012", "api_version", "v1");
    /**
     * The catalog's PromQL reads api.version from an {@code api_version} label, which the signals
     * contract does not carry yet (the embedded store derives it from the route), so that panel
     * stays empty on contract data.
     */
    private static final Set<String> EMPTY_ON_CONTRACT_DATA = Set.of("api.version_share");

    @TempDir
    static Path dir;
    private static PrometheusServer prometheus;
    private static long at;

    @BeforeAll
    static void start() throws Exception {
        Tool promtool = Tool.require("promtool", "prometheus");
        Tool binary = Tool.require("prometheus", "prometheus");
        long start = (System.currentTimeMillis() / 1000 - 3 * 3600) / 60 * 60;
        at = SyntheticSignals.end(start);
        Path data = Files.writeString(dir.resolve("signals.om"), SyntheticSignals.openMetrics(start));
        Tool.Result backfill = promtool.run(dir, "tsdb", "create-blocks-from", "openmetrics", data.toString(),
                dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());

        Path rules = Repository.prometheus().resolve("revisit-rules.yml").toAbsolutePath();
        prometheus = PrometheusServer.start(binary, dir, """
                global:
                  evaluation_interval: 1s
                rule_files:
                  - "%s"
                """.formatted(rules));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static JsonNode query(GrafanaDashboard d, JsonNode panel, String expr) throws Exception {
        String query = d.asSent(expr, CHOSEN);
        JsonNode response = prometheus.get("/api/v1/query", "query", query, "time", Long.toString(at));
        assertEquals("success", response.path("status").asText(), d.where(panel) + ": " + query + " → " + response);
        return response.path("data").path("result");
    }

    @Test
    void everyPanelQueryParsesAndReturnsData() throws Exception {
        int queries = 0;
        for (GrafanaDashboard d : GrafanaDashboard.readAll(Repository.grafanaDashboards())) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    JsonNode result = query(d, panel, target.path("expr").asText());
                    queries++;
                    String legend = target.path("legendFormat").asText();
                    String expr = target.path("expr").asText();
                    // the synthetic decisions declare a threshold on one signal only
                    boolean undeclaredThreshold = expr.contains("revisit_assumption_threshold{signal")
                            && !expr.contains("\"" + SyntheticSignals.DECLARED_SIGNAL + "\"");
                    if (EMPTY_ON_CONTRACT_DATA.contains(legend)) {
                        assertTrue(result.isEmpty(), d.where(panel) + ": " + legend + " has data now; drop it from the exceptions");
                    } else if (!undeclaredThreshold) {
                        assertFalse(result.isEmpty(), d.where(panel) + ": no data for " + target.path("expr").asText());
                    }
                }
            }
        }
        assertTrue(queries > 30, "only " + queries + " queries");
    }

    @Test
    void signalPanelsShowTheKnownValues() throws Exception {
        GrafanaDashboard caching = dashboard("revisit-caching");
        Map<String, Double> byLegend = new TreeMap<>();
        for (JsonNode panel : caching.panels()) {
            for (JsonNode target : panel.path("targets")) {
                for (JsonNode series : query(caching, panel, target.path("expr").asText())) {
                    byLegend.put(target.path("legendFormat").asText(), series.path("value").get(1).asDouble());
                }
            }
        }
        assertEquals(0.8, byLegend.get("cache.hit_ratio"), 1e-9);
        assertEquals(100, byLegend.get("cache.request_rate"), 1e-9);
        assertEquals(0.85, byLegend.get("{{decision}} expects {{expect}}"), 1e-9, "the declared threshold is drawn");
    }

    @Test
    void theOverviewRanksDecisionsByVerdict() throws Exception {
        GrafanaDashboard overview = dashboard("revisit-overview");
        JsonNode table = overview.panels().stream().filter(p -> "Every decision and its verdict".equals(p.path("title").asText()))
                .findFirst().orElseThrow();
        Map<String, Integer> levels = new TreeMap<>();
        for (JsonNode row : query(overview, table, table.path("targets").get(0).path("expr").asText())) {
            levels.put(row.path("metric").path("decision").asText(), row.path("value").get(1).asInt());
            assertEquals("team-catalog".equals(row.path("metric").path("owner").asText()),
                    "ADR-012".equals(row.path("metric").path("decision").asText()), "owner joined from the info metric");
        }
        // holds 0, no_data 1, at_risk 2, review_due 3, review 4: the value mappings in the JSON
        assertEquals(Map.of("ADR-012", 4, "ADR-020", 0, "ADR-040", 3), levels);
        List<String> mapped = List.of("holds", "no_data", "at_risk", "review_due", "review");
        JsonNode mappings = table.path("fieldConfig").path("overrides").get(0).path("properties").get(0).path("value").get(0).path("options");
        for (int level = 0; level < mapped.size(); level++) {
            assertEquals(mapped.get(level), mappings.path(Integer.toString(level)).path("text").asText());
        }

        JsonNode counts = overview.panels().stream().filter(p -> "Decisions by verdict".equals(p.path("title").asText()))
                .findFirst().orElseThrow();
        Map<String, Integer> byVerdict = new TreeMap<>();
        for (JsonNode row : query(overview, counts, counts.path("targets").get(0).path("expr").asText())) {
            byVerdict.put(row.path("metric").path("verdict").asText(), row.path("value").get(1).asInt());
        }
        assertEquals(Map.of("review", 1, "holds", 1, "review_due", 1), byVerdict);
    }

    @Test
    void everyVariableQueryFindsItsValues() throws Exception {
        Set<String> mayBeEmpty = Set.of("deployment_environment_name", "api_version"); // not in the synthetic data
        for (GrafanaDashboard d : GrafanaDashboard.readAll(Repository.grafanaDashboards())) {
            for (JsonNode variable : d.variables()) {
                if (!"query".equals(variable.path("type").asText())) {
                    continue;
                }
                Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
                assertTrue(m.matches(), d.fileName() + ": " + variable.path("query").asText());
                JsonNode response = prometheus.get("/api/v1/label/" + m.group(2) + "/values",
                        "match[]", d.asSent(m.group(1), CHOSEN));
                assertEquals("success", response.path("status").asText(), d.fileName() + ": " + m.group(1) + " → " + response);
                if (!mayBeEmpty.contains(variable.path("name").asText())) {
                    assertFalse(response.path("data").isEmpty(), d.fileName() + ": no values for " + variable.path("name").asText());
                }
            }
        }
    }

    @Test
    void theAlertRulesLoadAndEvaluate() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Repository.prometheus().resolve("revisit-rules.yml").toFile());
        int declared = 0;
        for (JsonNode group : file.path("groups")) {
            declared += group.path("rules").size();
        }
        // every rule is loaded and evaluates cleanly (evaluation_interval is 1 s)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            JsonNode groups = prometheus.get("/api/v1/rules").path("data").path("groups");
            int loaded = 0;
            int healthy = 0;
            for (JsonNode group : groups) {
                for (JsonNode rule : group.path("rules")) {
                    loaded++;
                    healthy += "ok".equals(rule.path("health").asText()) ? 1 : 0;
                }
            }
            assertEquals(file.path("groups").size(), groups.size(), groups.toString());
            assertEquals(declared, loaded);
            if (healthy == loaded) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "rules unhealthy: " + groups);
            Thread.sleep(200);
        }
    }

    private static GrafanaDashboard dashboard(String uid) {
        return GrafanaDashboard.readAll(Repository.grafanaDashboards()).stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
    }
}
