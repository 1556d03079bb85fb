package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which series an assumption looks at: contract attribute → value, where {@code *} matches any
 * run of characters. Resource and point attributes match alike. A series without the attribute
 * does not match, whatever the pattern. Keys are kept sorted, so equal scopes render equal PromQL.
 */
public final class Scope {

    public static final Scope ALL = new Scope(Map.of());

    private final Map<String, String> patterns;
    private final Map<String, Pattern> compiled = new LinkedHashMap<>();

    public Scope(Map<String, String> patterns) {
        // Sorted by attribute, not in the file's order: rendered PromQL (docs, the rules export) must be
        // the same text for the same scope however the decision file orders its keys.
        this.patterns = Collections.unmodifiableMap(new TreeMap<>(patterns));
        patterns.forEach((key, glob) -> {
            if (glob.contains("*")) {
                compiled.put(key, glob(glob));
            }
        });
    }

    public Map<String, String> patterns() {
        return patterns;
    }

    /** The exact value pinned for {@code key}, or null when absent or a wildcard. */
    public String exact(String key) {
        String value = patterns.get(key);
        return value == null || compiled.containsKey(key) ? null : value;
    }

    /** The scope without {@code key}. */
    public Scope without(String key) {
        Map<String, String> rest = new TreeMap<>(patterns);
        rest.remove(key);
        return new Scope(rest);
    }

    /** The filter for series of {@code source}, or null when the source cannot express this scope. */
    public Predicate<Labels> filter(Source source) {
        for (String key : patterns.keySet()) {
            if (!source.has(key) && !"*".equals(patterns.get(key))) {
                return null;
            }
        }
        return labels -> matches(source, labels);
    }

    private boolean matches(Source source, Labels labels) {
        for (String key : patterns.keySet()) {
            if (source.has(key) && !matches(key, source.value(labels, key))) {
                return false; // keys the source lacks only get here with a bare "*"
            }
        }
        return true;
    }

    /** Whether attributes read by {@code attribute} (null when absent) match every pattern. */
    public boolean matches(java.util.function.Function<String, String> attribute) {
        for (String key : patterns.keySet()) {
            if (!matches(key, attribute.apply(key))) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(String key, String value) {
        if (value == null) {
            return false;
        }
        Pattern pattern = compiled.get(key);
        return pattern == null ? value.equals(patterns.get(key)) : pattern.matcher(value).matches();
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return patterns.toString();
    }
}
