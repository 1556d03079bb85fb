package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.catalog.Scope;
import dev.revisit.collector.catalog.Signal;
import dev.revisit.testsupport.GrafanaDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every panel query is either a catalog signal's own PromQL, rendered with the dashboard's
 * variables as its scope, or reads only the collector's published metrics. So the dashboards
 * cannot drift from what the collector computes.
 */
class DashboardQueriesTest {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Pattern THRESHOLD_SIGNALS =
            Pattern.compile("^max by \\(decision, signal, expect\\) "
                    + "\\(revisit_assumption_threshold\\{signal=~?\"([^\"]+)\",service_name=~\"\\$service_name\"}\\)$");

    private final List<GrafanaDashboard> dashboards = GrafanaDashboard.readAll(Repository.grafanaDashboards());

    /**
     * A signal's catalog PromQL with the dashboard's variables as its scope: each variable named
     * like one of the signal's scope keys (dots as underscores) pins that key to {@code $variable},
     * matched as a regular expression because Grafana may expand it to several values.
     */
    static String expected(Signal signal, List<String> variables) {
        Map<String, String> scope = new LinkedHashMap<>();
        for (String key : signal.scopeKeys()) {
            if (variables.contains(key.replace('.', '_'))) {
                scope.put(key, "$" + key.replace('.', '_'));
            }
        }
        String rendered = signal.promql().render(PromQl.Selector.of(new Scope(scope)), "$window");
        return rendered.replace("=\"$", "=~\"$");
    }

    @Test
    void signalQueriesAreTheCatalogsPromQl() {
        int checked = 0;
        for (GrafanaDashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    Optional<Signal> signal = CATALOG.get(target.path("legendFormat").asText());
                    if (signal.isEmpty()) {
                        continue;
                    }
                    String expr = target.path("expr").asText();
                    assertEquals(PromQlText.normalize(expected(signal.get(), d.variableNames())), PromQlText.normalize(expr),
                            d.where(panel) + " shows " + signal.get().name() + " with a query that is not the catalog's");
                    assertTrue(panel.path("description").asText().contains(signal.get().description()),
                            d.where(panel) + " should describe " + signal.get().name() + " as the catalog does");
                    checked++;
                }
            }
        }
        assertTrue(checked >= CATALOG.signals().size(), "only " + checked + " signal queries found");
    }

    @Test
    void otherQueriesReadOnlyTheCollectorsMetrics() {
        for (GrafanaDashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    if (CATALOG.get(target.path("legendFormat").asText()).isPresent()) {
                        continue;
                    }
                    Set<String> metrics = PromQlText.metricNames(target.path("expr").asText());
                    assertFalse(metrics.isEmpty(), d.where(panel) + " reads no metric: " + target.path("expr").asText());
                    assertTrue(CollectorMetrics.NAMES.containsAll(metrics),
                            d.where(panel) + " reads " + metrics + ", neither a catalog query nor the collector's metrics");
                }
            }
        }
    }

    @Test
    void variableQueriesReadKnownMetrics() {
        Set<String> known = new TreeSet<>(CollectorMetrics.NAMES);
        for (Signal signal : CATALOG.signals()) {
            known.addAll(PromQlText.metricNames(signal.promqlTemplate().replace("<scope>", "").replace("<window>", "1m")
                    .replaceAll("<scope without [^>]*>", "")));
        }
        // _count of every histogram the catalog reads through _bucket or _sum
        for (String name : Set.copyOf(known)) {
            if (name.endsWith("_bucket") || name.endsWith("_sum")) {
                known.add(name.replaceAll("_(bucket|sum)$", "_count"));
            }
        }
        Pattern labelValues = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");
        for (GrafanaDashboard d : dashboards) {
            for (String query : d.variableQueries()) {
                Matcher m = labelValues.matcher(query);
                assertTrue(m.matches(), d.fileName() + ": variable query " + query);
                Set<String> metrics = PromQlText.metricNames(m.group(1));
                assertFalse(metrics.isEmpty(), d.fileName() + ": " + query);
                assertTrue(known.containsAll(metrics), d.fileName() + ": " + query + " reads unknown " + metrics);
            }
        }
    }

    @Test
    void eachAreaDashboardShowsEverySignalOfItsArea() {
        for (Area area : Area.values()) {
            if (area == Area.OBSERVABILITY) {
                continue; // coverage: on the overview and the drill-down
            }
            GrafanaDashboard d = dashboard("revisit-" + area.key());
            Set<String> expected = CATALOG.signals().stream().filter(s -> s.areas().contains(area)).map(Signal::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, signalsShown(d), d.fileName());
        }
        assertEquals(Set.of("coverage"), signalsShown(dashboard("revisit-overview")));
        assertEquals(Set.of("coverage"), signalsShown(dashboard("revisit-decision")));
    }

    @Test
    void areaPanelsDrawTheThresholdsOfTheSignalsTheyShow() {
        for (GrafanaDashboard d : dashboards) {
            if (!DashboardFilesTest.AREA_DASHBOARDS.contains(d.uid())) {
                continue;
            }
            for (JsonNode panel : d.panels()) {
                Set<String> shown = new TreeSet<>();
                Set<String> thresholds = new TreeSet<>();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    if (CATALOG.get(target.path("legendFormat").asText()).isPresent()) {
                        shown.add(target.path("legendFormat").asText());
                        continue;
                    }
                    Matcher m = THRESHOLD_SIGNALS.matcher(expr);
                    assertTrue(m.matches(), d.where(panel) + ": not a threshold query: " + expr);
                    thresholds.addAll(List.of(m.group(1).split("\\|")));
                }
                assertFalse(shown.isEmpty(), d.where(panel));
                assertEquals(shown, thresholds, d.where(panel) + " draws thresholds of other signals");
            }
        }
    }

    @Test
    void readmeStatesEveryCollectorMetricTheDashboardsNeed() throws IOException {
        String readme = Files.readString(Repository.dashboards().resolve("README.md"));
        for (String name : CollectorMetrics.NAMES) {
            assertTrue(readme.contains("`" + name + "{"), "dashboards/README.md does not state " + name + " with its labels");
        }
        for (String uid : DashboardFilesTest.UIDS) {
            assertTrue(readme.contains(uid), "dashboards/README.md does not list " + uid);
        }
    }

    private Set<String> signalsShown(GrafanaDashboard d) {
        Set<String> shown = new TreeSet<>();
        for (JsonNode panel : d.panels()) {
            for (JsonNode target : panel.path("targets")) {
                CATALOG.get(target.path("legendFormat").asText()).ifPresent(s -> shown.add(s.name()));
            }
        }
        return shown;
    }

    private GrafanaDashboard dashboard(String uid) {
        return dashboards.stream().filter(d -> d.uid().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard " + uid));
    }
}
