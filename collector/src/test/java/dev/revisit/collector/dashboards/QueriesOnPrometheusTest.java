package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard query, variables filled in as Grafana would, goes through a real Prometheus's
 * HTTP API and parses; the alert rules load into it and evaluate without error.
 */
class QueriesOnPrometheusTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)}?");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

    @TempDir
    static Path dir;
    private static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        Tool binary = Tool.require("prometheus");
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

    /** What Grafana sends: a window for {@code $window}, one value for every other variable. */
    static String substitute(String query) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "window".equals(m.group(1)) ? "5m" : "value-of-" + m.group(1));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void everyPanelQueryParses() throws Exception {
        int queries = 0;
        for (GrafanaDashboard d : GrafanaDashboard.all()) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    String query = substitute(target.path("expr").asText());
                    JsonNode response = prometheus.get("/api/v1/query", "query", query);
                    assertEquals("success", response.path("status").asText(),
                            d.where(panel) + ": " + query + " → " + response);
                    queries++;
                }
            }
        }
        assertTrue(queries > 30, "only " + queries + " queries");
    }

    @Test
    void everyVariableQueryParses() throws Exception {
        for (GrafanaDashboard d : GrafanaDashboard.all()) {
            for (String query : d.variableQueries()) {
                Matcher m = LABEL_VALUES.matcher(query);
                assertTrue(m.matches(), d.fileName() + ": " + query);
                JsonNode response = prometheus.get("/api/v1/label/" + m.group(2) + "/values",
                        "match[]", substitute(m.group(1)));
                assertEquals("success", response.path("status").asText(), d.fileName() + ": " + query + " → " + response);
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
}
