package dev.revisit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One Grafana dashboard file, read as plain JSON: its panels (rows flattened), variables and their
 * queries, and a query as Grafana sends it with the variables filled in.
 */
public record GrafanaDashboard(Path file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)}?");

    /** Every {@code *.json} in {@code dir}, by file name. */
    public static List<GrafanaDashboard> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(GrafanaDashboard::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public String uid() {
        return json.path("uid").asText();
    }

    /** Every panel, including those inside collapsed rows; rows themselves excluded. */
    public List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    public List<JsonNode> rows() {
        List<JsonNode> rows = new ArrayList<>();
        json.path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p);
            }
        });
        return rows;
    }

    public List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    public List<String> variableNames() {
        return variables().stream().map(v -> v.path("name").asText()).toList();
    }

    /** Query variables' queries, e.g. {@code label_values(metric{…}, label)}. */
    public List<String> variableQueries() {
        return variables().stream().filter(v -> "query".equals(v.path("type").asText())).map(GrafanaDashboard::queryOf).toList();
    }

    /** A query variable's query: plain text in older dashboards, an object's {@code query} in newer ones. */
    public static String queryOf(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isTextual() ? query.asText() : query.path("query").asText();
    }

    public String where(JsonNode panel) {
        return fileName() + " panel \"" + panel.path("title").asText() + "\"";
    }

    /**
     * {@code query} as Grafana sends it: each variable replaced by the value {@code chosen} names (a
     * user's pick, as Grafana sends it), else by "All" (its allValue) where the variable offers it.
     * A variable with neither is an error: no query could be sent.
     */
    public String asSent(String query, Map<String, String> chosen) {
        Map<String, String> values = new HashMap<>(chosen);
        for (JsonNode variable : variables()) {
            if (variable.path("includeAll").asBoolean()) {
                values.putIfAbsent(variable.path("name").asText(), variable.path("allValue").asText());
            }
        }
        Matcher m = VARIABLE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(fileName() + ": no value for $" + m.group(1) + " in " + query);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
