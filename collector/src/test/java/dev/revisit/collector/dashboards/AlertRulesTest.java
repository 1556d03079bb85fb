package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Signal;
import dev.revisit.testsupport.Tool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as Prometheus sees them (promtool check and unit tests, run for real) and as
 * the catalog defines them: one group per area, one alert per signal carrying that signal's own
 * review questions, all built on the one expression the unit tests exercise.
 */
class AlertRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final String RULES = "revisit-rules.yml";
    /** The signal whose alert the promtool unit tests exercise in depth; the others must match it. */
    private static final String REFERENCE_SIGNAL = "cache.hit_ratio";
    private static final Set<String> DECISION_ALERTS =
            Set.of("RevisitDecisionFlaggedForReview", "RevisitDecisionReviewDue", "RevisitDecisionNoData");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Tool.Result result = Tool.require("promtool", "prometheus").run(Repository.prometheus(), "check", "rules", RULES);
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Tool.Result result = Tool.require("promtool", "prometheus").run(Repository.prometheus(), "test", "rules", "revisit-rules.test.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void promtoolAcceptsTheExamplePrometheusConfig() throws Exception {
        Tool.Result result = Tool.require("promtool", "prometheus").run(Repository.prometheus(), "check", "config", "prometheus.yml");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void oneGroupPerAreaAndEveryAlertIsComplete() throws IOException {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : rules().path("groups")) {
            groups.add(group.path("name").asText());
            for (JsonNode rule : group.path("rules")) {
                String where = group.path("name").asText() + "/" + rule.path("alert").asText();
                assertFalse(rule.path("alert").asText().isEmpty(), where + ": only alerting rules belong here");
                assertFalse(rule.path("for").asText().isEmpty(), where + ": needs `for` so it does not flap");
                assertFalse(rule.path("labels").path("severity").asText().isEmpty(), where);
                JsonNode annotations = rule.path("annotations");
                for (String key : List.of("summary", "description", "questions")) {
                    assertFalse(annotations.path(key).asText().isBlank(), where + " lacks " + key);
                }
                assertTrue(annotations.path("summary").asText().contains("{{ $labels.decision }}"), where + " names no decision");
                assertEquals("{{ $labels.link }}", annotations.path("runbook_url").asText(), where);
            }
        }
        List<String> expected = new ArrayList<>();
        for (Area area : Area.values()) {
            expected.add("revisit-" + area.key());
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(groups));
    }

    @Test
    void decisionAlertsInEachGroupAreLimitedToItsArea() throws IOException {
        for (JsonNode group : rules().path("groups")) {
            String area = group.path("name").asText().substring("revisit-".length());
            Set<String> seen = new HashSet<>();
            for (JsonNode rule : group.path("rules")) {
                if (DECISION_ALERTS.contains(rule.path("alert").asText())) {
                    seen.add(rule.path("alert").asText());
                    assertTrue(rule.path("expr").asText().contains("area=\"" + area + "\""), group + ": " + rule);
                    assertEquals(area, rule.path("labels").path("area").asText());
                }
            }
            assertEquals(DECISION_ALERTS, seen, group.path("name").asText());
        }
    }

    @Test
    void everySignalHasOneAlertWithTheCatalogsQuestions() throws IOException {
        Map<String, JsonNode> bySignal = new LinkedHashMap<>();
        Map<String, String> groupOf = new LinkedHashMap<>();
        Pattern signalMatcher = Pattern.compile("revisit_assumption_value\\{signal=\"([^\"]+)\"}");
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (DECISION_ALERTS.contains(rule.path("alert").asText())) {
                    continue;
                }
                Matcher m = signalMatcher.matcher(rule.path("expr").asText());
                assertTrue(m.find(), rule.path("alert").asText() + " reads no signal");
                assertTrue(bySignal.put(m.group(1), rule) == null, "two alerts for " + m.group(1));
                groupOf.put(m.group(1), group.path("name").asText());
            }
        }
        assertEquals(new TreeSet<>(CATALOG.names()), new TreeSet<>(bySignal.keySet()));

        JsonNode reference = bySignal.get(REFERENCE_SIGNAL);
        for (Signal signal : CATALOG.signals()) {
            JsonNode rule = bySignal.get(signal.name());
            assertEquals("Revisit" + camel(signal.name()) + "AssumptionBroken", rule.path("alert").asText());
            assertTrue(signal.areas().stream().anyMatch(a -> groupOf.get(signal.name()).equals("revisit-" + a.key())),
                    signal.name() + " alert sits in " + groupOf.get(signal.name()) + ", not one of its areas");
            assertEquals(String.join("\n", signal.questions()), rule.path("annotations").path("questions").asText(),
                    signal.name() + ": the alert's questions are not the catalog's");
            assertTrue(rule.path("annotations").path("description").asText().endsWith(signal.description()),
                    signal.name() + ": the alert's description is not the catalog's");
            assertEquals(reference.path("expr").asText().replace(REFERENCE_SIGNAL, signal.name()), rule.path("expr").asText(),
                    signal.name() + ": expression differs from the one the unit tests exercise");
            assertEquals(reference.path("for").asText(), rule.path("for").asText(), signal.name());
            assertEquals(reference.path("labels"), rule.path("labels"), signal.name());
        }
    }

    @Test
    void alertmanagerExampleRoutesOnLabelsTheAlertsCarry() throws IOException {
        JsonNode config = YAML.readTree(Repository.prometheus().resolve("alertmanager.yml").toFile());
        Set<String> receivers = new HashSet<>();
        config.path("receivers").forEach(r -> receivers.add(r.path("name").asText()));
        // labels every Revisit alert has: from the rule, the collector's series and the info join
        Set<String> carried = Set.of("alertname", "severity", "area", "decision", "owner", "title", "signal", "assumption");
        List<JsonNode> routes = new ArrayList<>(List.of(config.path("route")));
        config.path("route").path("routes").forEach(routes::add);
        Pattern label = Pattern.compile("^([a-zA-Z_]+)\\s*(=~|!=|!~|=)");
        for (JsonNode route : routes) {
            assertTrue(receivers.contains(route.path("receiver").asText()), "unknown receiver in " + route);
            route.path("group_by").forEach(g -> assertTrue(carried.contains(g.asText()), "group_by " + g));
            for (JsonNode matcher : route.path("matchers")) {
                Matcher m = label.matcher(matcher.asText());
                assertTrue(m.find() && carried.contains(m.group(1)), "route matches a label no alert carries: " + matcher);
            }
        }
        assertEquals(List.of("area", "decision"),
                List.of(config.path("route").path("group_by").get(0).asText(), config.path("route").path("group_by").get(1).asText()),
                "a decision's alerts arrive as one notification");
    }

    @Test
    void amtoolAcceptsTheAlertmanagerExampleAndRoutesByOwnerAndArea() throws Exception {
        Tool amtool = Tool.require("amtool", "prometheus-alertmanager");
        Tool.Result check = amtool.run(Repository.prometheus(), "check-config", "alertmanager.yml");
        assertEquals(0, check.exitCode(), check.output());
        // alert labels → the receivers Alertmanager picks for them
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("alertname=RevisitCacheHitRatioAssumptionBroken area=caching owner=team-catalog", "team-catalog");
        cases.put("alertname=RevisitDecisionFlaggedForReview area=async owner=team-billing", "data-guild");
        cases.put("alertname=RevisitDecisionFlaggedForReview area=api owner=team-shop", "architecture-board");
        cases.put("alertname=RevisitDecisionReviewDue area=storage owner=team-orders", "architecture-board,team-orders");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=alertmanager.yml",
                    "--verify.receivers=" + c.getValue()));
            args.addAll(List.of(c.getKey().split(" ")));
            Tool.Result routed = amtool.run(Repository.prometheus(), args.toArray(String[]::new));
            assertEquals(0, routed.exitCode(), c.getKey() + " should reach " + c.getValue() + ": " + routed.output());
        }
    }

    private static JsonNode rules() throws IOException {
        return YAML.readTree(Repository.prometheus().resolve(RULES).toFile());
    }

    private static String camel(String signal) {
        StringBuilder out = new StringBuilder();
        for (String part : signal.split("[._]")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
