package dev.revisit.collector.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One dashboard file, read as plain JSON: its panels (rows flattened), queries and variables. */
record GrafanaDashboard(Path file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<GrafanaDashboard> all() {
        return Repository.dashboardFiles().stream().map(GrafanaDashboard::read).toList();
    }

    static GrafanaDashboard read(Path file) {
        try {
            return new GrafanaDashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName() {
        return file.getFileName().toString();
    }

    String uid() {
        return json.path("uid").asText();
    }

    /** Every panel, including those inside collapsed rows; rows themselves excluded. */
    List<JsonNode> panels() {
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

    List<JsonNode> rows() {
        List<JsonNode> rows = new ArrayList<>();
        json.path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p);
            }
        });
        return rows;
    }

    List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        json.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    List<String> variableNames() {
        return variables().stream().map(v -> v.path("name").asText()).toList();
    }

    /** Query variables' queries, e.g. {@code label_values(metric{…}, label)}. */
    List<String> variableQueries() {
        return variables().stream().filter(v -> "query".equals(v.path("type").asText()))
                .map(v -> v.path("query").isTextual() ? v.path("query").asText() : v.path("query").path("query").asText())
                .toList();
    }

    String where(JsonNode panel) {
        return fileName() + " panel \"" + panel.path("title").asText() + "\"";
    }
}
