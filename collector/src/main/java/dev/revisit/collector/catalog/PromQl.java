package dev.revisit.collector.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A signal's equivalent PromQL, given a scope's label matchers and a window. */
@FunctionalInterface
public interface PromQl {

    String render(Selector scope, String window);

    /**
     * A scope as Prometheus label matchers: OpenTelemetry attribute names with dots turned into
     * underscores (as Prometheus exporters name them); {@code *} becomes a regular-expression match.
     */
    final class Selector {
        private final Scope scope; // null: the docs' placeholder
        private final String placeholder;

        private Selector(Scope scope, String placeholder) {
            this.scope = scope;
            this.placeholder = placeholder;
        }

        /** The placeholder used in the docs: {@code <scope>}. */
        public static Selector placeholder() {
            return new Selector(null, "<scope>");
        }

        public static Selector of(Scope scope) {
            return new Selector(scope, null);
        }

        /** The scope without {@code key}, for the part of a query that key does not apply to. */
        public Selector without(String key) {
            return scope == null
                    ? new Selector(null, "<scope without " + key + ">")
                    : new Selector(scope.without(key), null);
        }

        /** {@code {extra…, scope}}, braces included, empty parts left out; nothing at all when both are empty. */
        public String with(String... extra) {
            List<String> matchers = new ArrayList<>(List.of(extra));
            if (scope == null) {
                matchers.add(placeholder);
            } else {
                for (Map.Entry<String, String> e : scope.patterns().entrySet()) {
                    matchers.add(matcher(e.getKey(), e.getValue()));
                }
            }
            return matchers.isEmpty() ? "" : "{" + String.join(",", matchers) + "}";
        }

        private static String matcher(String key, String value) {
            String label = key.replace('.', '_');
            String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
            if (!value.contains("*")) {
                return label + "=\"" + escaped + "\"";
            }
            StringBuilder regex = new StringBuilder();
            for (char c : escaped.toCharArray()) {
                if (c == '*') {
                    regex.append(".*");
                } else if (".+?()[]{}|^$".indexOf(c) >= 0) {
                    regex.append("\\\\").append(c);
                } else {
                    regex.append(c);
                }
            }
            return label + "=~\"" + regex + "\"";
        }
    }
}
