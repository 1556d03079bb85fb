package dev.revisit.agent.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's settings. A key such as {@code revisit.exporter} is read from the system
 * property of that name, else from the environment variable {@code REVISIT_EXPORTER}
 * (upper case, dots and dashes as underscores), else the default. The OpenTelemetry
 * variables users already set ({@code OTEL_SERVICE_NAME}, ...) are read through
 * {@link #otel}. agent/README.md has the reference table.
 */
public final class Config {
    private final Map<String, String> properties;
    private final Map<String, String> environment;

    public Config(Map<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Config fromSystem() {
        Map<String, String> props = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return new Config(props, System.getenv());
    }

    /** @return the value of a {@code revisit.*} key, or null */
    public String get(String key) {
        String value = properties.get(key);
        if (value == null) {
            value = environment.get(envName(key));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key, value, "expected true or false");
        };
    }

    public long getLong(String key, long defaultValue, long min, long max) {
        String value = get(key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(key, value, "expected a number from " + min + " to " + max);
        }
        return parsed;
    }

    /**
     * An OpenTelemetry setting: system property {@code otel.service.name} or environment
     * {@code OTEL_SERVICE_NAME}, as the OpenTelemetry SDK reads them.
     */
    public String otel(String dottedKey) {
        String value = properties.get(dottedKey);
        if (value == null) {
            value = environment.get(envName(dottedKey));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Whether an instrumentation is on: {@code revisit.instrumentation.<name>.enabled}. */
    public boolean instrumentationEnabled(String name, boolean defaultValue) {
        return getBoolean("revisit.instrumentation." + name + ".enabled", defaultValue);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
