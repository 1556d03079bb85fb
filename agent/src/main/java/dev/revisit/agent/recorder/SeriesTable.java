package dev.revisit.agent.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Series of one instrument, keyed by attribute values. Reads are lock-free and allocate
 * nothing (open addressing over an array that is replaced, never mutated in place, when it
 * grows); only creating a series takes the lock. Distinct values are capped per attribute
 * and series per instrument: beyond the caps a value is replaced by {@link #OTHER}.
 */
final class SeriesTable<S> {
    static final String OTHER = "other";

    private record Entry<S>(String[] values, int hash, S series) {}

    @FunctionalInterface
    interface Factory<S> {
        S create();
    }

    private final String metricName;
    private final String[] keys;
    private final Supplier<S> factory;
    private final int attributeCap;
    private final int seriesCap;
    private final FoldListener foldListener;
    private final Set<String>[] distinct;
    private volatile Entry<S>[] slots;
    private int size;

    @SuppressWarnings("unchecked")
    SeriesTable(String metricName, String[] keys, Supplier<S> factory, int attributeCap, int seriesCap, FoldListener foldListener) {
        if (keys.length > 30) {
            throw new IllegalArgumentException(metricName + ": at most 30 attributes");
        }
        this.metricName = metricName;
        this.keys = keys.clone();
        this.factory = factory;
        this.attributeCap = attributeCap;
        this.seriesCap = seriesCap;
        this.foldListener = foldListener;
        this.distinct = new Set[keys.length];
        for (int i = 0; i < keys.length; i++) {
            distinct[i] = ConcurrentHashMap.newKeySet();
        }
        this.slots = new Entry[16];
    }

    S get(String... values) {
        if (values.length != keys.length) {
            throw new IllegalArgumentException(metricName + " takes " + keys.length + " attribute values, got " + values.length);
        }
        S series = find(values, 0);
        if (series != null) {
            return series;
        }
        int mask = foldMask(values);
        if (mask != 0) {
            series = find(values, mask);
            if (series != null) {
                reportFolded(mask);
                return series;
            }
        }
        return create(values);
    }

    List<Entry<S>> entries() {
        List<Entry<S>> result = new ArrayList<>();
        for (Entry<S> entry : slots) {
            if (entry != null) {
                result.add(entry);
            }
        }
        return result;
    }

    static <S> String[] valuesOf(Object entry) {
        return ((Entry<?>) entry).values();
    }

    @SuppressWarnings("unchecked")
    static <S> S seriesOf(Object entry) {
        return ((Entry<S>) entry).series();
    }

    int size() {
        return size;
    }

    private S find(String[] values, int mask) {
        Entry<S>[] table = slots;
        int hash = hash(values, mask);
        int last = table.length - 1;
        for (int i = hash & last; ; i = (i + 1) & last) {
            Entry<S> entry = table[i];
            if (entry == null) {
                return null;
            }
            if (entry.hash == hash && matches(entry.values, values, mask)) {
                return entry.series;
            }
        }
    }

    private int foldMask(String[] values) {
        int mask = 0;
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : values[i];
            if (distinct[i].size() >= attributeCap && !distinct[i].contains(value)) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    private synchronized S create(String[] values) {
        int mask = foldMask(values);
        if (size >= seriesCap) {
            mask = (1 << keys.length) - 1;
        }
        S existing = find(values, mask);
        if (existing == null) {
            String[] stored = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                boolean folded = (mask & (1 << i)) != 0;
                stored[i] = folded ? OTHER : (values[i] == null ? "" : values[i]);
                if (!folded) {
                    distinct[i].add(stored[i]);
                }
            }
            existing = factory.get();
            insert(new Entry<>(stored, hash(stored, 0), existing));
        }
        if (mask != 0) {
            reportFolded(mask);
        }
        return existing;
    }

    @SuppressWarnings("unchecked")
    private void insert(Entry<S> entry) {
        Entry<S>[] table = slots;
        if ((size + 1) * 2 > table.length) {
            Entry<S>[] grown = new Entry[table.length * 2];
            for (Entry<S> old : table) {
                if (old != null) {
                    place(grown, old);
                }
            }
            table = grown;
        } else {
            table = table.clone();
        }
        place(table, entry);
        size++;
        slots = table;
    }

    private static <S> void place(Entry<S>[] table, Entry<S> entry) {
        int last = table.length - 1;
        int i = entry.hash & last;
        while (table[i] != null) {
            i = (i + 1) & last;
        }
        table[i] = entry;
    }

    private void reportFolded(int mask) {
        for (int i = 0; i < keys.length; i++) {
            if ((mask & (1 << i)) != 0) {
                foldListener.folded(metricName, keys[i]);
            }
        }
    }

    private static int hash(String[] values, int mask) {
        int h = 1;
        for (int i = 0; i < values.length; i++) {
            String value = (mask & (1 << i)) != 0 ? OTHER : values[i];
            h = 31 * h + (value == null ? 0 : value.hashCode());
        }
        return h ^ (h >>> 16);
    }

    private static boolean matches(String[] stored, String[] values, int mask) {
        for (int i = 0; i < stored.length; i++) {
            String value = (mask & (1 << i)) != 0 ? OTHER : values[i];
            if (value == null) {
                value = "";
            }
            if (!stored[i].equals(value)) {
                return false;
            }
        }
        return true;
    }
}
