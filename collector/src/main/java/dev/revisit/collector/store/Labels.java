package dev.revisit.collector.store;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An immutable, sorted label set (resource and point attributes merged). */
public record Labels(SortedMap<String, String> map) {

    public static final Labels EMPTY = new Labels(new TreeMap<>());

    public Labels {
        map = Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public static Labels of(Map<String, String> values) {
        return new Labels(new TreeMap<>(values));
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        return map.get(key);
    }
}
