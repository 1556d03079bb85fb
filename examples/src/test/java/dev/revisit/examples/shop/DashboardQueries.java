package dev.revisit.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revisit.testsupport.GrafanaDashboard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every panel query and variable query of the repository's Grafana dashboards, with the template
 * variables filled in as Grafana fills them: the value {@code chosen} names (a user's pick, as
 * Grafana sends it), else "All" (the variable's allValue) where a variable offers it — what a user
 * opening the dashboard would see.
 */
final class DashboardQueries {

    /** One panel's query: where it is, its legend and its PromQL as sent. */
    record Query(String where, String legend, String expr) {}

    /** One query variable: where, its name, and its {@code label_values(selector, label)} parts, filled in. */
    record Variable(String where, String name, String selector, String label) {}

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

    private final List<Query> queries = new ArrayList<>();
    private final List<Variable> variables = new ArrayList<>();

    DashboardQueries(Path dashboards, Map<String, String> chosen) {
        for (GrafanaDashboard dashboard : GrafanaDashboard.readAll(dashboards)) {
            for (JsonNode variable : dashboard.variables()) {
                if ("query".equals(variable.path("type").asText())) {
                    String query = GrafanaDashboard.queryOf(variable);
                    Matcher m = LABEL_VALUES.matcher(query);
                    if (!m.matches()) {
                        throw new IllegalStateException(dashboard.fileName() + ": variable query not label_values(…): " + query);
                    }
                    variables.add(new Variable(dashboard.fileName(), variable.path("name").asText(),
                            dashboard.asSent(m.group(1), chosen), m.group(2)));
                }
            }
            for (JsonNode panel : dashboard.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(dashboard.where(panel), target.path("legendFormat").asText(),
                            dashboard.asSent(target.path("expr").asText(), chosen)));
                }
            }
        }
    }

    List<Query> queries() {
        return queries;
    }

    List<Variable> variables() {
        return variables;
    }
}
