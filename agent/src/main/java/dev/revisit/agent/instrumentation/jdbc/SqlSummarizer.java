package dev.revisit.agent.instrumentation.jdbc;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reduces SQL text to {@link SqlSummary operation and table}. It tokenises just enough to
 * skip comments, string literals and quoted identifiers correctly, and only ever returns a
 * keyword from a fixed list and an identifier token, so no literal value can come out.
 * Summaries are cached per SQL text (bounded): steady state neither parses nor allocates.
 */
final class SqlSummarizer {
    private static final Set<String> OPERATIONS = Set.of(
            "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "CALL", "EXEC", "EXECUTE",
            "CREATE", "DROP", "ALTER", "TRUNCATE", "WITH", "VALUES", "SHOW", "SET", "BEGIN", "COMMIT", "ROLLBACK",
            "GRANT", "REVOKE", "EXPLAIN", "ANALYZE", "VACUUM", "USE", "LOCK", "COPY");
    private static final Set<String> MAIN_OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");
    private static final int MAX_SCANNED_TOKENS = 2_000;

    private final ConcurrentHashMap<String, SqlSummary> cache = new ConcurrentHashMap<>();
    private final int cacheSize;

    SqlSummarizer(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    SqlSummary summarize(String sql) {
        SqlSummary summary = cache.get(sql);
        if (summary == null) {
            summary = parse(sql);
            if (cache.size() < cacheSize) {
                SqlSummary raced = cache.putIfAbsent(sql, summary);
                if (raced != null) {
                    summary = raced;
                }
            }
        }
        return summary;
    }

    static SqlSummary parse(String sql) {
        try {
            return new Parser(sql).summary();
        } catch (RuntimeException e) {
            return SqlSummary.UNKNOWN;
        }
    }

    /** A hand-rolled scanner: tokens are words, quoted identifiers, and single punctuation; literals are skipped. */
    private static final class Parser {
        private final String sql;
        private int pos;
        private int depth;
        private int scanned;
        /** The current token: a word (upper-cased keyword check happens at use), an identifier, or punctuation. */
        private String token;
        private boolean identifier;

        Parser(String sql) {
            this.sql = sql;
        }

        SqlSummary summary() {
            if (!next() || !identifier || isQuoted()) {
                return SqlSummary.UNKNOWN;
            }
            String operation = token.toUpperCase(Locale.ROOT);
            if (!OPERATIONS.contains(operation)) {
                return SqlSummary.UNKNOWN;
            }
            if (operation.equals("WITH")) {
                operation = mainOperationAfterWith();
                if (operation == null) {
                    return new SqlSummary("WITH", null);
                }
            }
            String table = switch (operation) {
                case "SELECT" -> identifierAfterKeyword("FROM");
                case "DELETE" -> identifierAfterKeyword("FROM");
                case "INSERT", "REPLACE", "UPSERT", "MERGE" -> identifierAfterKeyword("INTO");
                case "UPDATE" -> nextIdentifierSkipping("LOW_PRIORITY", "IGNORE", "ONLY");
                case "CREATE", "DROP", "ALTER", "TRUNCATE" -> objectName();
                default -> null;
            };
            return new SqlSummary(operation, table);
        }

        private String mainOperationAfterWith() {
            while (next()) {
                if (depth == 0 && identifier && !isQuoted()) {
                    String word = token.toUpperCase(Locale.ROOT);
                    if (MAIN_OPERATIONS.contains(word)) {
                        return word;
                    }
                }
            }
            return null;
        }

        private String identifierAfterKeyword(String keyword) {
            int startDepth = depth;
            while (next()) {
                if (depth == startDepth && identifier && !isQuoted() && token.equalsIgnoreCase(keyword)) {
                    return next() && identifier && !token.isEmpty() ? unquote() : null;
                }
            }
            return null;
        }

        private String nextIdentifierSkipping(String... skipped) {
            while (next()) {
                if (!identifier) {
                    return null;
                }
                boolean skip = false;
                for (String word : skipped) {
                    skip |= !isQuoted() && token.equalsIgnoreCase(word);
                }
                if (!skip) {
                    return unquote();
                }
            }
            return null;
        }

        /** CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] name — the name after the object kind. */
        private String objectName() {
            while (next()) {
                if (!identifier) {
                    return null;
                }
                String word = isQuoted() ? "" : token.toUpperCase(Locale.ROOT);
                if (word.equals("TABLE") || word.equals("VIEW") || word.equals("INDEX") || word.equals("SEQUENCE")) {
                    return nextIdentifierSkipping("IF", "NOT", "EXISTS");
                }
            }
            return null;
        }

        private boolean isQuoted() {
            char c = token.charAt(0);
            return c == '"' || c == '`' || c == '[';
        }

        private String unquote() {
            String name = isQuoted() && token.length() >= 2 ? token.substring(1, token.length() - 1) : token;
            return name.length() > 128 ? name.substring(0, 128) : name;
        }

        /** Advances to the next token; false at the end. String and numeric literals are skipped, never tokens. */
        private boolean next() {
            while (pos < sql.length()) {
                if (++scanned > MAX_SCANNED_TOKENS) {
                    return false;
                }
                char c = sql.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '-' && peek(1) == '-') {
                    int end = sql.indexOf('\n', pos);
                    pos = end < 0 ? sql.length() : end + 1;
                } else if (c == '/' && peek(1) == '*') {
                    int end = sql.indexOf("*/", pos + 2);
                    pos = end < 0 ? sql.length() : end + 2;
                } else if (c == '\'') {
                    skipQuoted('\'');
                } else if (c == '$' && dollarQuote()) {
                    continue;
                } else if (c == '"' || c == '`' || c == '[') {
                    int start = pos;
                    skipQuoted(c == '[' ? ']' : c);
                    token = sql.substring(start, pos);
                    identifier = true;
                    return true;
                } else if (Character.isDigit(c)) {
                    while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                        pos++;
                    }
                } else if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                        pos++;
                    }
                    token = sql.substring(start, pos);
                    identifier = true;
                    return true;
                } else {
                    pos++;
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                    }
                    token = String.valueOf(c);
                    identifier = false;
                    return true;
                }
            }
            return false;
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
        }

        private char peek(int ahead) {
            int i = pos + ahead;
            return i < sql.length() ? sql.charAt(i) : 0;
        }

        private void skipQuoted(char close) {
            pos++;
            while (pos < sql.length()) {
                char c = sql.charAt(pos++);
                if (c == close) {
                    if (peek(0) == close) {
                        pos++;
                    } else {
                        return;
                    }
                }
            }
        }

        /** PostgreSQL $tag$ ... $tag$ literals. */
        private boolean dollarQuote() {
            int end = sql.indexOf('$', pos + 1);
            if (end < 0) {
                pos++;
                return true;
            }
            String tag = sql.substring(pos, end + 1);
            for (int i = 1; i < tag.length() - 1; i++) {
                if (!Character.isLetterOrDigit(tag.charAt(i)) && tag.charAt(i) != '_') {
                    pos++;
                    return true;
                }
            }
            int close = sql.indexOf(tag, end + 1);
            pos = close < 0 ? sql.length() : close + tag.length();
            return true;
        }
    }
}
