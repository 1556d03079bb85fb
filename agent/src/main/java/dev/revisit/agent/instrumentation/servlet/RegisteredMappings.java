package dev.revisit.agent.instrumentation.servlet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One web application's servlet URL patterns, and which of them a request matched, told from the
 * servlet path and path info the container set by that match (Servlet 3.0 offers nothing more
 * direct). The answer is always one of the registered patterns, so routes stay as few as the
 * application's own mappings. Matching allocates nothing.
 */
final class RegisteredMappings {
    static final RegisteredMappings NONE = new RegisteredMappings(List.of());

    /** Exact patterns, each to itself ({@code /status}). */
    private final Map<String, String> exact = new HashMap<>();
    /** A path pattern's servlet path to the pattern ({@code /raw} to {@code /raw/*}). */
    private final Map<String, String> prefixes = new HashMap<>();
    /** Extension patterns ({@code *.do}) and the servlet-path ending each stands for ({@code .do}). */
    private final String[] extensions;
    private final String[] endings;
    /** {@code /*} and {@code /} when registered. */
    private final String everything;
    private final String fallback;

    RegisteredMappings(Collection<String> patterns) {
        List<String> extensionPatterns = new ArrayList<>();
        String all = null;
        String defaultServlet = null;
        for (String pattern : patterns) {
            if (pattern.equals("/*")) {
                all = pattern;
            } else if (pattern.equals("/")) {
                defaultServlet = pattern;
            } else if (pattern.startsWith("/") && pattern.endsWith("/*")) {
                prefixes.put(pattern.substring(0, pattern.length() - 2), pattern);
            } else if (pattern.startsWith("*.")) {
                extensionPatterns.add(pattern);
            } else {
                exact.put(pattern, pattern);
            }
        }
        extensions = extensionPatterns.toArray(String[]::new);
        endings = extensionPatterns.stream().map(p -> p.substring(1)).toArray(String[]::new);
        everything = all;
        fallback = defaultServlet;
    }

    /**
     * @param servletPath the request's servlet path: the matched prefix of a path pattern, the whole path otherwise
     * @param pathInfo    the rest after a path pattern's prefix; null for exact, extension and default matches
     * @return the registered pattern this match came from, or null when none fits
     */
    String match(String servletPath, String pathInfo) {
        if (servletPath == null) {
            return null;
        }
        String prefix = prefixes.get(servletPath); // "/raw/*" for /raw/x and for /raw itself
        if (prefix != null) {
            return prefix;
        }
        if (pathInfo != null) {
            return servletPath.isEmpty() ? everything : null;
        }
        String exactly = exact.get(servletPath);
        if (exactly != null) {
            return exactly;
        }
        for (int i = 0; i < endings.length; i++) {
            if (servletPath.endsWith(endings[i])) {
                return extensions[i];
            }
        }
        return fallback;
    }
}
