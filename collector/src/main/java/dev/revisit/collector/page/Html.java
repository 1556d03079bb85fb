package dev.revisit.collector.page;

/**
 * Escaping for everything the page shows that it did not write itself: the decisions file and
 * the request. One function for text and attribute values alike (attributes are always
 * double-quoted), so there is no second, weaker path to forget.
 */
final class Html {

    private Html() {}

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link's href only when it is plainly http(s): a {@code javascript:} link from a file must not become clickable. */
    static String safeHref(String link) {
        if (link == null) {
            return null;
        }
        String lower = link.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? link.trim() : null;
    }

    /** Path segment encoding for a decision id in a URL. */
    static String pathSegment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
