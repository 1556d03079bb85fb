package dev.revisit.collector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revisit.collector.cli.Main;
import dev.revisit.testsupport.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported rules as Prometheus runs them: {@code promtool check rules} accepts them, and
 * {@code promtool test rules} over synthetic series shows each alert firing for exactly the
 * assumptions the series break (or leave without data), only after the assumption's {@code for},
 * and the recording rules computing the catalog's values.
 */
class RulesOnPromtoolTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path dir;
    static JsonNode rules;

    @BeforeAll
    static void export() throws Exception {
        Files.writeString(dir.resolve("decisions.yaml"), SampleDecisions.YAML);
        assertEquals(Main.OK, Main.run("rules", dir.resolve("decisions.yaml").toString(),
                "-o", dir.resolve("rules.yml").toString()));
        rules = YAML.readTree(dir.resolve("rules.yml").toFile());
    }

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Tool.Result result = Tool.require("promtool", "prometheus").run(dir, "check", "rules", "rules.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: 18 rules found"), result.output());
    }

    @Test
    void aTitleWithTemplateBracesDoesNotBreakTheRuleFile() throws Exception {
        Path decisions = Files.writeString(dir.resolve("braces.yaml"),
                SampleDecisions.YAML.replace("title: Cache search results", "title: \"Cache {{ unclosed results\""));
        assertEquals(Main.OK, Main.run("rules", decisions.toString(), "-o", dir.resolve("braces.yml").toString()));

        Tool.Result result = Tool.require("promtool", "prometheus").run(dir, "check", "rules", "braces.yml");

        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void alertsFireForBrokenAndUncheckableAssumptionsOnlyAndOnlyAfterTheirFor() throws Exception {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("input_series", YAML.readValue(SampleDecisions.SERIES, new TypeReference<List<Object>>() {}));
        test.put("alert_rule_test", List.of(
                // 4 minutes in, no assumption's 'for' (5m or 10m) has passed: nothing fires yet
                alertTest("4m", RuleNames.BROKEN_ALERT),
                alertTest("4m", RuleNames.NO_DATA_ALERT),
                // the search cache hits 50 % (< 0.85), catalog p99 is ~99 ms (not < 50ms); the
                // catalog cache (90 %) and billing's lag (200) hold and must not fire
                alertTest("30m", RuleNames.BROKEN_ALERT, "CACHE-BROKEN", 1, "DB-BROKEN", 2),
                // no series for "nowhere"; 0 lookups ÷ 0 lookups for the idle cache
                alertTest("30m", RuleNames.NO_DATA_ALERT, "GAP", 1, "IDLE", 1)));
        // rounded: 90/100 as rates comes out as 0.8999999999999999
        test.put("promql_expr_test", List.of(Map.of(
                "expr", "round(assumption:cache_hit_ratio:5m{decision=~\"CACHE-.*\"}, 0.001)",
                "eval_time", "30m",
                "exp_samples", List.of(
                        sample("{decision=\"CACHE-HOLDS\",area=\"caching\",assumption=\"1\"}", 0.9),
                        sample("{decision=\"CACHE-BROKEN\",area=\"caching\",assumption=\"1\"}", 0.5)))));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of("rules.yml"));
        file.put("evaluation_interval", "1m");
        file.put("tests", List.of(test));
        YAML.writeValue(dir.resolve("rules.test.yml").toFile(), file);

        Tool.Result result = Tool.require("promtool", "prometheus").run(dir, "test", "rules", "rules.test.yml");

        assertEquals(0, result.exitCode(), result.output() + "\n" + Files.readString(dir.resolve("rules.yml")));
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    /** The alerts expected at {@code time}: (decision id, assumption position) pairs, labels and annotations as exported. */
    private static Map<String, Object> alertTest(String time, String alert, Object... expected) {
        List<Object> alerts = new ArrayList<>();
        for (int i = 0; i < expected.length; i += 2) {
            JsonNode rule = exportedAlert(alert, (String) expected[i], (Integer) expected[i + 1]);
            alerts.add(Map.of(
                    "exp_labels", YAML.convertValue(rule.get("labels"), Map.class),
                    "exp_annotations", YAML.convertValue(rule.get("annotations"), Map.class)));
        }
        return Map.of("eval_time", time, "alertname", alert, "exp_alerts", alerts);
    }

    private static JsonNode exportedAlert(String alert, String decision, int assumption) {
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                JsonNode labels = rule.get("labels");
                if (alert.equals(rule.path("alert").asText()) && decision.equals(labels.get("decision").asText())
                        && Integer.toString(assumption).equals(labels.get("assumption").asText())) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no " + alert + " exported for " + decision + " assumption " + assumption);
    }

    private static Map<String, Object> sample(String labels, double value) {
        return Map.of("labels", labels, "value", value);
    }
}
