package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.revisit.testsupport.GrafanaDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboards load the same way imported in the UI and file-provisioned: no import inputs,
 * the datasource chosen through a variable, stable uids that links can rely on.
 */
class DashboardFilesTest {

    /** Links, bookmarks and the README name these: changing one is a breaking change. */
    static final Set<String> UIDS = Set.of("revisit-overview", "revisit-decision", "revisit-caching", "revisit-storage",
            "revisit-async", "revisit-auth", "revisit-api", "revisit-deployment");
    static final Set<String> AREA_DASHBOARDS = Set.of("revisit-caching", "revisit-storage", "revisit-async",
            "revisit-auth", "revisit-api", "revisit-deployment");
    /** Grafana 11.0's dashboard schema; Grafana 12 migrates it on load. */
    static final int SCHEMA_VERSION = 39;
    private static final String DATASOURCE_UID = "${datasource}";

    private final List<GrafanaDashboard> dashboards = GrafanaDashboard.readAll(Repository.grafanaDashboards());

    @Test
    void everyDashboardHasItsStableUidNamedAfterItsFile() {
        Set<String> uids = new TreeSet<>();
        for (GrafanaDashboard d : dashboards) {
            assertEquals(d.uid() + ".json", d.fileName(), "uid and file name differ");
            assertTrue(uids.add(d.uid()), "duplicate uid " + d.uid());
            assertEquals(SCHEMA_VERSION, d.json().path("schemaVersion").asInt(), d.fileName());
            assertTrue(d.json().path("id").isNull(), d.fileName() + ": a file must not pin a database id");
        }
        assertEquals(new TreeSet<>(UIDS), uids);
    }

    @Test
    void nothingDependsOnImportInputs() throws IOException {
        for (GrafanaDashboard d : dashboards) {
            String text = Files.readString(d.file());
            assertFalse(d.json().has("__inputs"), d.fileName());
            assertFalse(d.json().has("__requires"), d.fileName());
            assertFalse(text.contains("${DS_"), d.fileName() + " refers to an import input");
        }
    }

    @Test
    void everyQueryUsesTheDatasourceVariable() {
        for (GrafanaDashboard d : dashboards) {
            JsonNode datasource = d.variables().stream().filter(v -> "datasource".equals(v.path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(d.fileName() + " has no datasource variable"));
            assertEquals("datasource", datasource.path("type").asText(), d.fileName());
            assertEquals("prometheus", datasource.path("query").asText(), d.fileName());

            for (JsonNode panel : d.panels()) {
                assertEquals(DATASOURCE_UID, panel.path("datasource").path("uid").asText(), d.where(panel));
                assertFalse(panel.path("targets").isEmpty(), d.where(panel) + " has no query");
                for (JsonNode target : panel.path("targets")) {
                    assertEquals(DATASOURCE_UID, target.path("datasource").path("uid").asText(), d.where(panel));
                    assertFalse(target.path("expr").asText().isBlank(), d.where(panel));
                }
            }
            for (JsonNode variable : d.variables()) {
                if ("query".equals(variable.path("type").asText())) {
                    assertEquals(DATASOURCE_UID, variable.path("datasource").path("uid").asText(),
                            d.fileName() + " variable " + variable.path("name").asText());
                }
            }
            for (JsonNode row : d.rows()) {
                assertTrue(row.path("targets").isEmpty(), d.fileName() + ": rows carry no queries");
            }
        }
    }

    @Test
    void areaDashboardsFilterByServiceAndEnvironment() {
        for (GrafanaDashboard d : dashboards) {
            if (!AREA_DASHBOARDS.contains(d.uid())) {
                continue;
            }
            for (String name : List.of("service_name", "deployment_environment_name")) {
                JsonNode variable = d.variables().stream().filter(v -> name.equals(v.path("name").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError(d.fileName() + " lacks variable " + name));
                assertTrue(variable.path("multi").asBoolean() && variable.path("includeAll").asBoolean(), d.fileName());
                // ".*" rather than Grafana's (a|b|…) keeps series without the label when All is chosen.
                assertEquals(".*", variable.path("allValue").asText(), d.fileName() + " " + name);
            }
            assertEquals("service_name", d.rows().get(0).path("repeat").asText(),
                    d.fileName() + ": one row per service");
        }
    }

    @Test
    void everyVariableAQueryUsesIsDefined() {
        Pattern reference = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
        for (GrafanaDashboard d : dashboards) {
            Set<String> defined = new HashSet<>(d.variableNames());
            List<String> texts = new ArrayList<>(d.variableQueries());
            for (JsonNode panel : d.panels()) {
                panel.path("targets").forEach(t -> texts.add(t.path("expr").asText()));
                texts.add(panel.path("title").asText());
            }
            for (String text : texts) {
                Matcher m = reference.matcher(text);
                while (m.find()) {
                    assertTrue(defined.contains(m.group(1)), d.fileName() + " uses undefined $" + m.group(1) + " in " + text);
                }
            }
        }
    }

    @Test
    void multiValueVariablesAreMatchedAsRegularExpressions() {
        // Grafana expands them to (a|b) or to their allValue ".*": an exact matcher finds nothing.
        Pattern exact = Pattern.compile("[a-zA-Z_]+\\s*!?=\\s*\"\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
        for (GrafanaDashboard d : dashboards) {
            Set<String> multi = new HashSet<>();
            d.variables().stream().filter(v -> v.path("multi").asBoolean() || v.path("includeAll").asBoolean())
                    .forEach(v -> multi.add(v.path("name").asText()));
            List<String> texts = new ArrayList<>(d.variableQueries());
            d.panels().forEach(p -> p.path("targets").forEach(t -> texts.add(t.path("expr").asText())));
            for (String text : texts) {
                Matcher m = exact.matcher(text);
                while (m.find()) {
                    assertFalse(multi.contains(m.group(1)), d.fileName() + ": use =~ for $" + m.group(1) + " in " + text);
                }
            }
        }
    }

    @Test
    void panelIdsAreUniqueAndRepeatsUseDefinedVariables() {
        for (GrafanaDashboard d : dashboards) {
            Set<Integer> ids = new HashSet<>();
            List<JsonNode> all = new ArrayList<>(d.panels());
            all.addAll(d.rows());
            for (JsonNode panel : all) {
                assertTrue(ids.add(panel.path("id").asInt()), d.where(panel) + ": duplicate id");
                if (panel.has("repeat")) {
                    assertTrue(d.variableNames().contains(panel.path("repeat").asText()), d.where(panel));
                }
            }
        }
    }

    @Test
    void provisioningDeclaresAPrometheusDatasourceAndAFileProvider() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path provisioning = Repository.dashboards().resolve("grafana/provisioning");
        JsonNode datasource = yaml.readTree(provisioning.resolve("datasources/revisit.yaml").toFile());
        assertEquals(1, datasource.path("apiVersion").asInt());
        assertEquals("prometheus", datasource.path("datasources").get(0).path("type").asText());
        JsonNode providers = yaml.readTree(provisioning.resolve("dashboards/revisit.yaml").toFile());
        assertEquals(1, providers.path("apiVersion").asInt());
        JsonNode provider = providers.path("providers").get(0);
        assertEquals("file", provider.path("type").asText());
        assertFalse(provider.path("options").path("path").asText().isBlank());
    }

    @Test
    void linksBetweenDashboardsPointAtExistingUids() throws IOException {
        Pattern link = Pattern.compile("/d/([a-zA-Z0-9_-]+)");
        int links = 0;
        for (GrafanaDashboard d : dashboards) {
            Matcher m = link.matcher(Files.readString(d.file()));
            while (m.find()) {
                links++;
                assertTrue(UIDS.contains(m.group(1)), d.fileName() + " links to unknown dashboard " + m.group(1));
            }
        }
        assertTrue(links > 0, "the overview links each decision to its drill-down");
    }
}
