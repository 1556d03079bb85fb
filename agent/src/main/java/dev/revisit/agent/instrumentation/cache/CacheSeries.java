package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.recorder.Counter;
import dev.revisit.agent.recorder.CounterSeries;

import java.lang.ref.WeakReference;

/**
 * One cache object's counters. The counter series are resolved on first use, so a cache that
 * turns out to back another (a Caffeine cache inside a JCache provider) never shows up as a
 * series of zeros. Holds its cache weakly: threads remember their last series, not the cache.
 */
final class CacheSeries {
    private final WeakReference<Object> owner;
    private final Counter requests;
    private final Counter evictions;
    final String system;
    final String name;
    private CounterSeries hit;
    private CounterSeries miss;
    private CounterSeries evicted;
    /** The outer, named layer this cache is the storage of: it counts the reads, this one does not. */
    volatile CacheSeries backs;

    CacheSeries(Object cache, String system, String name, Counter requests, Counter evictions) {
        this.owner = cache == null ? null : new WeakReference<>(cache);
        this.system = system;
        this.name = name;
        this.requests = requests;
        this.evictions = evictions;
    }

    boolean isFor(Object cache) {
        return owner != null && owner.get() == cache;
    }

    void hits(int count) {
        CounterSeries series = hit;
        if (series == null) {
            series = hit = requests.series(system, name, "hit");
        }
        series.add(count);
    }

    void misses(int count) {
        CounterSeries series = miss;
        if (series == null) {
            series = miss = requests.series(system, name, "miss");
        }
        series.add(count);
    }

    void evicted() {
        CacheSeries outer = backs;
        if (outer != null) {
            outer.evicted();
            return;
        }
        CounterSeries series = evicted;
        if (series == null) {
            series = evicted = evictions.series(system, name);
        }
        series.increment();
    }
}
