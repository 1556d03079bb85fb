package dev.revisit.agent.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own logger: one line to stderr with a {@code [revisit]} prefix. It never goes
 * through the application's logging (which may not be configured yet, or may itself be
 * instrumented), and {@link #once} keeps a repeating problem to a single line.
 */
public final class AgentLog {
    private static final Set<String> LOGGED_ONCE = ConcurrentHashMap.newKeySet();
    private static volatile boolean debug = Boolean.getBoolean("revisit.debug");
    private static volatile PrintStream out = System.err;

    private AgentLog() {}

    public static void setDebug(boolean enabled) {
        debug = enabled;
    }

    public static boolean isDebug() {
        return debug;
    }

    public static void info(String message) {
        out.println("[revisit] " + message);
    }

    public static void warn(String message) {
        out.println("[revisit] WARN " + message);
    }

    public static void warn(String message, Throwable cause) {
        out.println("[revisit] WARN " + message + ": " + describe(cause));
        if (debug) {
            cause.printStackTrace(out);
        }
    }

    public static void debug(String message) {
        if (debug) {
            out.println("[revisit] DEBUG " + message);
        }
    }

    /** Logs a warning the first time {@code key} is seen in this JVM, then stays quiet. */
    public static void once(String key, String message, Throwable cause) {
        if (LOGGED_ONCE.add(key)) {
            if (cause == null) {
                warn(message);
            } else {
                warn(message, cause);
            }
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }
}
