package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.config.Config;
import dev.revisit.agent.config.ConfigException;
import dev.revisit.agent.log.AgentLog;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cache.name} values. A cache with a name of its own (JCache, Spring) keeps it; a
 * Caffeine or Guava cache is named after the application method that built it, as
 * {@code SimpleClassName.method} ({@code new} for a constructor, {@code static} for a static
 * initialiser) — stable across restarts and deployments, unlike line numbers or creation
 * order. {@code revisit.cache.names=ProductCatalog.new=products,...} renames either kind.
 */
final class CacheNames {
    static final String SETTING = "revisit.cache.names";
    static final String UNNAMED = "unnamed";
    private static final int MAX_LENGTH = 120;
    /** Frames of these are the library, its integrations or the JDK, never the application that built the cache. */
    private static final String[] NOT_APPLICATION = {
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.revisit.agent.", "net.bytebuddy.",
            "com.github.benmanes.caffeine.", "com.google.common.", "org.springframework.", "org.ehcache.",
    };

    private final Map<String, String> renames;

    CacheNames(Map<String, String> renames) {
        this.renames = renames;
    }

    static CacheNames fromConfig(Config config) {
        return new CacheNames(parseRenames(config.get(SETTING)));
    }

    /** {@code from=to,from2=to2}; a malformed entry is a configuration error, not a silent skip. */
    static Map<String, String> parseRenames(String value) {
        Map<String, String> renames = new LinkedHashMap<>();
        if (value == null) {
            return renames;
        }
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String from = eq < 0 ? "" : entry.substring(0, eq).trim();
            String to = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (from.isEmpty() || to.isEmpty()) {
                throw new ConfigException(SETTING, value, "expected derived=wanted pairs separated by commas, e.g. ProductCatalog.new=products");
            }
            renames.put(from, to);
        }
        return renames;
    }

    /** The name for a cache object, looked up once per cache. */
    String nameOf(String system, Object cache) {
        String own = switch (system) {
            case "jcache" -> ownName(cache, "javax.cache.Cache");
            case "spring" -> ownName(cache, "org.springframework.cache.Cache");
            default -> null;
        };
        return renamed(own != null ? own : builtBy());
    }

    String renamed(String name) {
        return renames.getOrDefault(name, name);
    }

    /** The library's own {@code getName()}, called through its public interface. */
    private static String ownName(Object cache, String api) {
        try {
            Class<?> type = Class.forName(api, false, cache.getClass().getClassLoader());
            Method getName = type.getMethod("getName");
            Object name = getName.invoke(cache);
            return name instanceof String text && !text.isBlank() ? truncate(text) : null;
        } catch (Throwable t) {
            AgentLog.once("cache-name:" + cache.getClass().getName(),
                    "could not read the name of " + cache.getClass().getName() + "; it is named after the code that uses it", t);
            return null;
        }
    }

    /** The first application frame on the current stack, as {@code SimpleClassName.method}. */
    static String builtBy() {
        Optional<String> frame = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> isApplication(f.getClassName()))
                .findFirst()
                .map(f -> simpleName(f.getClassName()) + "." + methodName(f.getMethodName())));
        return frame.map(CacheNames::truncate).orElse(UNNAMED);
    }

    static boolean isApplication(String className) {
        for (String prefix : NOT_APPLICATION) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int generated = simple.indexOf("$$");
        return generated > 0 ? simple.substring(0, generated) : simple;
    }

    static String methodName(String method) {
        if (method.equals("<init>")) {
            return "new";
        }
        if (method.equals("<clinit>")) {
            return "static";
        }
        if (method.startsWith("lambda$")) {
            int end = method.indexOf('$', 7);
            return end > 7 ? method.substring(7, end) : method;
        }
        return method;
    }

    private static String truncate(String name) {
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
