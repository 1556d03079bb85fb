package dev.revisit.collector.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.cli.CommandRun;
import dev.revisit.collector.cli.Main;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the export says about each decision, without running Prometheus. */
class RulesExportTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static DecisionsFile read(String text) throws Exception {
        return new DecisionsReader(Catalog.builtIn()).read("decisions.yaml", new StringReader(text));
    }

    private static List<JsonNode> rules(String decisions) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        YAML.readTree(RulesExport.render(read(decisions))).get("groups").forEach(g -> g.get("rules").forEach(out::add));
        return out;
    }

    private static JsonNode alert(List<JsonNode> rules, String name, String decision, String assumption) {
        return rules.stream().filter(r -> name.equals(r.path("alert").asText())
                        && decision.equals(r.at("/labels/decision").asText())
                        && assumption.equals(r.at("/labels/assumption").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(name + " for " + decision + "/" + assumption));
    }

    @Test
    void theBrokenAlertCarriesTheDecisionAndAsksTheQuestions() throws Exception {
        List<JsonNode> rules = rules(SampleDecisions.YAML);
        JsonNode alert = alert(rules, RuleNames.BROKEN_ALERT, "CACHE-HOLDS", "1");

        assertEquals("caching", alert.at("/labels/area").asText());
        assertEquals("team-catalog", alert.at("/labels/owner").asText());
        assertEquals("cache.hit_ratio", alert.at("/labels/signal").asText());
        assertEquals("review", alert.at("/labels/verdict").asText());
        assertEquals("10m", alert.get("for").asText());
        assertEquals("docs/adr/0012-catalog-cache.md", alert.at("/annotations/link").asText());
        String questions = alert.at("/annotations/questions").asText();
        String first = Catalog.builtIn().get("cache.hit_ratio").orElseThrow().questions().get(0);
        assertTrue(questions.startsWith("1. " + first), questions);
        assertTrue(questions.contains("Did the catalogue grow past 200,000 items?"), questions); // the file's own
        assertTrue(questions.contains("Is Caffeine still the right place for this cache?"), questions); // the decision's
        assertTrue(alert.at("/annotations/summary").asText().contains("Cache catalog lookups in Caffeine"));
    }

    @Test
    void aDecisionWithoutOwnerOrLinkLeavesThemOut() throws Exception {
        JsonNode alert = alert(rules(SampleDecisions.YAML), RuleNames.BROKEN_ALERT, "IDLE", "1");

        assertTrue(alert.at("/labels/owner").isMissingNode());
        assertTrue(alert.at("/annotations/link").isMissingNode());
    }

    @Test
    void theAlertFiresOnTheOppositeOfTheExpectationInBaseUnits() throws Exception {
        List<JsonNode> rules = rules(SampleDecisions.YAML);

        assertEquals("assumption:db_latency_p99:5m{decision=\"DB-BROKEN\",assumption=\"2\"} >= 0.05",
                alert(rules, RuleNames.BROKEN_ALERT, "DB-BROKEN", "2").get("expr").asText());
        assertEquals("assumption:cache_hit_ratio:5m{decision=\"CACHE-HOLDS\",assumption=\"1\"} < 0.85",
                alert(rules, RuleNames.BROKEN_ALERT, "CACHE-HOLDS", "1").get("expr").asText());
        assertEquals(">", AssumptionRules.breach(dev.revisit.collector.decisions.Comparison.LE));
        assertEquals("<=", AssumptionRules.breach(dev.revisit.collector.decisions.Comparison.GT));
    }

    @Test
    void recordingRulesAreNamedLevelMetricOperationsAndComputeTheCatalogsPromQl() throws Exception {
        List<JsonNode> records = rules(SampleDecisions.YAML).stream().filter(r -> r.has("record")).toList();

        assertEquals(6, records.size()); // one per assumption
        for (JsonNode record : records) {
            String name = record.get("record").asText();
            assertTrue(METRIC_NAME.matcher(name).matches(), name);
            assertEquals(3, name.split(":").length, name);
        }
        JsonNode p99 = records.stream().filter(r -> "DB-BROKEN".equals(r.at("/labels/decision").asText())
                && "2".equals(r.at("/labels/assumption").asText())).findFirst().orElseThrow();
        assertEquals("assumption:db_latency_p99:5m", p99.get("record").asText());
        assertEquals("histogram_quantile(0.99, sum by (le) (rate(db_client_operation_duration_seconds_bucket"
                + "{service_name=\"catalog\"}[5m])))", p99.get("expr").asText());
    }

    @Test
    void theSameDecisionsGiveTheSameTextWhateverTheScopeKeyOrder() throws Exception {
        String swapped = SampleDecisions.YAML.replace("{ cache.name: results, service.name: search }",
                "{ service.name: search, cache.name: results }");
        assertFalse(swapped.equals(SampleDecisions.YAML));

        assertEquals(RulesExport.render(read(SampleDecisions.YAML)), RulesExport.render(read(swapped)));
    }

    @Test
    void aFileWithMistakesIsRefusedWithItsPositionAndNoRulesAreWritten(@TempDir Path dir) throws Exception {
        Path decisions = Files.writeString(dir.resolve("decisions.yaml"),
                SampleDecisions.YAML.replace("signal: db.latency.p99", "signal: db.latncy.p99"));
        Path out = dir.resolve("rules.yml");
        CommandRun run = CommandRun.of("rules", decisions.toString(), "-o", out.toString());

        assertEquals(Main.MISTAKES, run.exit());
        assertTrue(run.err().matches("(?s).*decisions\\.yaml:\\d+:\\d+: .*db\\.latncy\\.p99.*"), run.err());
        assertFalse(Files.exists(out));
        assertEquals(Main.USAGE, Main.run("rules", dir.resolve("missing.yaml").toString()));
    }
}
