package dev.revisit.agent.config;

/** A setting with a value the agent cannot use; the message names the key and the value. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String key, String value, String expected) {
        super("setting " + key + "=\"" + value + "\": " + expected);
    }
}
