package dev.revisit.agent.instrumentation.http;

/**
 * Attribute values that stay bounded whatever clients send: methods outside the HTTP set
 * become {@code _OTHER} (as the semantic conventions say), status codes come from a fixed
 * table, API versions must look like one. All return constants or their input: no allocation.
 */
final class HttpValues {
    static final String OTHER_METHOD = "_OTHER";
    static final String OTHER = "other";
    private static final String[] STATUS = new String[600];
    private static final String[] VERSIONS = new String[100];
    private static final int MAX_VERSION_LENGTH = 32;

    static {
        for (int i = 100; i < STATUS.length; i++) {
            STATUS[i] = Integer.toString(i);
        }
        for (int i = 0; i < VERSIONS.length; i++) {
            VERSIONS[i] = "v" + i;
        }
    }

    private HttpValues() {}

    static String method(String method) {
        if (method == null) {
            return OTHER_METHOD;
        }
        return switch (method) {
            case "GET" -> "GET";
            case "POST" -> "POST";
            case "PUT" -> "PUT";
            case "DELETE" -> "DELETE";
            case "PATCH" -> "PATCH";
            case "HEAD" -> "HEAD";
            case "OPTIONS" -> "OPTIONS";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            default -> OTHER_METHOD;
        };
    }

    /** @return the code as text, or null when there is none (no response was sent) */
    static String status(int code) {
        return code >= 100 && code < STATUS.length ? STATUS[code] : null;
    }

    /** The first {@code /v<N>} path segment (N below 100), e.g. {@code v2} of {@code /api/v2/orders}; null when none. */
    static String versionFromPath(String path) {
        if (path == null) {
            return null;
        }
        int length = path.length();
        for (int i = path.indexOf("/v"); i >= 0 && i + 2 < length; i = path.indexOf("/v", i + 1)) {
            int n = 0;
            int j = i + 2;
            while (j < length && j - i - 2 < 3 && Character.isDigit(path.charAt(j))) {
                n = n * 10 + (path.charAt(j) - '0');
                j++;
            }
            int digits = j - i - 2;
            if (digits > 0 && digits <= 2 && (j == length || path.charAt(j) == '/')) {
                return VERSIONS[n];
            }
        }
        return null;
    }

    /** A version header's value as sent when it is short and made of [A-Za-z0-9._-]; otherwise {@code other}. */
    static String versionFromHeader(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VERSION_LENGTH) {
            return OTHER;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
                return OTHER;
            }
        }
        return value;
    }
}
