package dev.revisit.collector.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL text handling to compare queries and list the metrics they read. */
final class PromQlText {

    private PromQlText() {}

    private static final Pattern SELECTOR = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    /**
     * Whitespace collapsed and the matchers of every selector sorted, so that two renderings of
     * the same query compare equal whatever order their scope's labels came in.
     */
    static String normalize(String query) {
        String collapsed = query.replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")").trim();
        Matcher m = SELECTOR.matcher(collapsed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> matchers = new ArrayList<>();
            for (String matcher : splitMatchers(m.group(1))) {
                matchers.add(matcher.trim());
            }
            matchers.sort(null);
            m.appendReplacement(out, Matcher.quoteReplacement("{" + String.join(",", matchers) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The metric names a query reads: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metricNames(String query) {
        String text = QUOTED.matcher(query).replaceAll("\"\"");
        text = SELECTOR.matcher(text).replaceAll("{}");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        text = text.replaceAll("\\[[^]]*]", "[]");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        // A selector written only as {__name__=~"a|b"} names its metrics in the matcher.
        Matcher byName = Pattern.compile("__name__=~?\"([^\"]*)\"").matcher(query);
        while (byName.find()) {
            names.addAll(List.of(byName.group(1).split("\\|")));
        }
        return names;
    }

    private static List<String> splitMatchers(String inside) {
        List<String> parts = new ArrayList<>();
        if (inside.isBlank()) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\' && quoted && i + 1 < inside.length()) {
                current.append(c).append(inside.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
