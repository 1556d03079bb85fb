package dev.revisit.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every panel query and variable query of the repository's Grafana dashboards, with the template
 * variables filled in as Grafana fills them: the value {@code chosen} names (a user's pick, as
 * Grafana sends it), else "All" (the variable's allValue) where a variable offers it — what a user
 * opening the dashboard would see.
 */
final class DashboardQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)}?");

    /** One panel's query: where it is, its legend and its PromQL as sent. */
    record Query(String where, String legend, String expr) {}

    /** One query variable: where, its name, and its {@code label_values(selector, label)} parts, filled in. */
    record Variable(String where, String name, String selector, String label) {}

    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

    private final List<Query> queries = new ArrayList<>();
    private final List<Variable> variables = new ArrayList<>();

    DashboardQueries(Path dashboards, Map<String, String> chosen) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dashboards)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            Map<String, String> values = new HashMap<>(chosen);
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.path("includeAll").asBoolean()) {
                    values.putIfAbsent(variable.path("name").asText(), variable.path("allValue").asText());
                }
            }
            String name = file.getFileName().toString();
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    Matcher m = LABEL_VALUES.matcher(query.isTextual() ? query.asText() : query.path("query").asText());
                    if (!m.matches()) {
                        throw new IllegalStateException(name + ": variable query not label_values(…): " + query);
                    }
                    variables.add(new Variable(name, variable.path("name").asText(), substitute(name, m.group(1), values), m.group(2)));
                }
            }
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(name + " panel \"" + panel.path("title").asText() + "\"",
                            target.path("legendFormat").asText(), substitute(name, target.path("expr").asText(), values)));
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

    /** Every panel, those inside collapsed rows included; rows themselves excluded. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static String substitute(String file, String query, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(file + ": no value for $" + m.group(1) + " in " + query);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
