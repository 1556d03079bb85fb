package dev.revisit.collector.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Prometheus rule, recording or alerting, as the rule-file format spells it.
 *
 * @param kind        {@code record} or {@code alert}
 * @param name        the recorded metric's or the alert's name
 * @param forDuration how long the alert's condition must hold before it fires (PromQL duration), or null
 */
record Rule(String kind, String name, String expr, String forDuration, Map<String, String> labels,
            Map<String, String> annotations) {

    static Rule record(String name, String expr, Map<String, String> labels) {
        return new Rule("record", name, expr, null, labels, Map.of());
    }

    static Rule alert(String name, String expr, String forDuration, Map<String, String> labels,
                      Map<String, String> annotations) {
        return new Rule("alert", name, expr, forDuration, labels, annotations);
    }

    /** The rule as the rule file's YAML mapping, keys in the order Prometheus' docs show them. */
    Map<String, Object> toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(kind, name);
        out.put("expr", expr);
        if (forDuration != null) {
            out.put("for", forDuration);
        }
        if (!labels.isEmpty()) {
            out.put("labels", labels);
        }
        if (!annotations.isEmpty()) {
            out.put("annotations", annotations);
        }
        return out;
    }
}
