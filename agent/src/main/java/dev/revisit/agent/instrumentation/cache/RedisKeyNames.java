package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.config.Config;
import dev.revisit.agent.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * {@code cache.name} of a Redis key: its prefix up to the first separator ({@code catalog:42}
 * → {@code catalog}). A key without one, or whose separator lies past the first
 * {@value #MAX_PREFIX} characters, is {@value #NO_PREFIX}. Keys arrive as the client's bytes or
 * strings on every read, so prefixes are looked up in place — no decoding, no allocation — in a
 * fixed table; only a new prefix is decoded, once. Full keys are never kept, logged or exported.
 */
final class RedisKeyNames {
    static final String SEPARATOR_SETTING = "revisit.redis.name.separator";
    static final String NO_PREFIX = "(none)";
    /** How far into a key the separator is looked for; bounds the work per read and the name's length. */
    static final int MAX_PREFIX = 64;
    /** Distinct prefixes remembered; past them new ones count as {@code other}, like the recorder's own caps. */
    static final int MAX_NAMES = 1024;
    private static final int SLOTS = 2048;

    private record Entry(int hash, byte[] bytes, String text, CacheSeries series) {}

    private final byte[] separatorBytes;
    private final String separator;
    private final Function<String, CacheSeries> seriesOfName;
    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);
    private final CacheSeries none;
    private final CacheSeries other;
    private int size;
    /** Set once {@link #MAX_NAMES} are remembered: unknown prefixes then skip the lock. */
    private volatile boolean full;

    RedisKeyNames(String separator, Function<String, CacheSeries> seriesOfName) {
        this.separator = separator;
        this.separatorBytes = separator.getBytes(StandardCharsets.UTF_8);
        this.seriesOfName = seriesOfName;
        this.none = seriesOfName.apply(NO_PREFIX);
        this.other = seriesOfName.apply("other");
    }

    static String separatorFrom(Config config) {
        String value = config.get(SEPARATOR_SETTING, ":");
        if (value.length() > 8) {
            throw new ConfigException(SEPARATOR_SETTING, value, "expected the few characters that end a key's prefix, e.g. : or .");
        }
        return value;
    }

    /** The series of a key: {@code byte[]} (Jedis, Lettuce's byte-array codec) or {@code String}; anything else has no prefix. */
    CacheSeries of(Object key) {
        if (key instanceof byte[] bytes) {
            return ofBytes(bytes);
        }
        if (key instanceof String text) {
            return ofText(text);
        }
        return none;
    }

    private CacheSeries ofBytes(byte[] key) {
        int end = prefixEnd(key);
        if (end <= 0) {
            return none;
        }
        int hash = 0;
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + key[i];
        }
        for (int i = hash & (SLOTS - 1), probes = 0; probes < SLOTS; i = (i + 1) & (SLOTS - 1), probes++) {
            Entry entry = slots.get(i);
            if (entry == null) {
                return full ? other : add(hash, Arrays.copyOf(key, end), new String(key, 0, end, StandardCharsets.UTF_8));
            }
            if (entry.hash == hash && entry.bytes != null && Arrays.equals(entry.bytes, 0, entry.bytes.length, key, 0, end)) {
                return entry.series;
            }
        }
        return other;
    }

    private CacheSeries ofText(String key) {
        int end = prefixEnd(key);
        if (end <= 0) {
            return none;
        }
        int hash = 0;
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + key.charAt(i);
        }
        for (int i = hash & (SLOTS - 1), probes = 0; probes < SLOTS; i = (i + 1) & (SLOTS - 1), probes++) {
            Entry entry = slots.get(i);
            if (entry == null) {
                return full ? other : add(hash, null, key.substring(0, end));
            }
            if (entry.hash == hash && entry.bytes == null && entry.text.length() == end && key.startsWith(entry.text)) {
                return entry.series;
            }
        }
        return other;
    }

    /** Where the prefix ends: the first separator within {@link #MAX_PREFIX} bytes, or -1. */
    private int prefixEnd(byte[] key) {
        int last = Math.min(key.length - separatorBytes.length, MAX_PREFIX);
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < separatorBytes.length; j++) {
                if (key[i + j] != separatorBytes[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int prefixEnd(String key) {
        int last = Math.min(key.length() - separator.length(), MAX_PREFIX);
        for (int i = 0; i <= last; i++) {
            if (key.startsWith(separator, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A prefix seen for the first time: decoded once and remembered, under the lock. Bytes and
     * text keys get entries of their own (a byte lookup never decodes); both name the same series.
     */
    private synchronized CacheSeries add(int hash, byte[] bytes, String text) {
        int i = hash & (SLOTS - 1);
        for (Entry entry; (entry = slots.get(i)) != null; i = (i + 1) & (SLOTS - 1)) {
            if (entry.hash == hash && (bytes != null ? entry.bytes != null && Arrays.equals(entry.bytes, bytes)
                    : entry.bytes == null && entry.text.equals(text))) {
                return entry.series;
            }
        }
        if (size >= MAX_NAMES) {
            full = true;
            return other;
        }
        Entry entry = new Entry(hash, bytes, text, seriesOfName.apply(text));
        slots.set(i, entry);
        size++;
        return entry.series;
    }
}
