package dev.revisit.collector.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The embedded store: every series in memory, in the {@link Tier}s of its {@link StoreConfig},
 * capped at {@link StoreConfig#maxSeries()} series. Write through {@link #open(Series)};
 * the persistence log adds the data directory.
 */
public final class MemoryStore implements MetricStore {

    private final StoreConfig config;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Labels, StoredSeries>> byMetric = new ConcurrentHashMap<>();
    private final AtomicInteger seriesCount = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong rejectedSeries = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private volatile Journal journal = Journal.NONE;

    public MemoryStore(StoreConfig config) {
        this.config = config;
    }

    public MemoryStore() {
        this(StoreConfig.DEFAULT);
    }

    public StoreConfig config() {
        return config;
    }

    /**
     * The stored series for {@code series}, created on first use; null when the store is full
     * or the name and labels are already taken by a series of another kind.
     */
    public StoredSeries open(Series series) {
        ConcurrentHashMap<Labels, StoredSeries> metric = byMetric.computeIfAbsent(series.metric(), m -> new ConcurrentHashMap<>());
        StoredSeries stored = metric.get(series.labels());
        if (stored == null) {
            if (seriesCount.incrementAndGet() > config.maxSeries()) {
                seriesCount.decrementAndGet();
                rejectedSeries.incrementAndGet();
                return null;
            }
            Journal j = journal;
            StoredSeries created = new StoredSeries(nextId.getAndIncrement(), series, config.tiers(), config.maxExponentialScale(), j);
            synchronized (created) { // no sample reaches the journal before the series' definition
                stored = metric.putIfAbsent(series.labels(), created);
                if (stored == null) {
                    stored = created;
                    j.defined(created);
                } else {
                    seriesCount.decrementAndGet();
                }
            }
        }
        return stored.series().kind() == series.kind() ? stored : null;
    }

    public StoredSeries open(String metric, MetricKind kind, Labels labels) {
        return open(new Series(metric, kind, labels));
    }

    /** Series refused because the store was full, since start. */
    public long rejectedSeries() {
        return rejectedSeries.get();
    }

    /** Changes whenever series are dropped, so caches of {@link StoredSeries} know to forget them. */
    public long generation() {
        return generation.get();
    }

    public int seriesCount() {
        return seriesCount.get();
    }

    /** Every stored series (a live view, weakly consistent). */
    public List<StoredSeries> all() {
        List<StoredSeries> out = new ArrayList<>(seriesCount.get());
        for (ConcurrentHashMap<Labels, StoredSeries> m : byMetric.values()) out.addAll(m.values());
        return out;
    }

    /** Estimated bytes the stored samples take (arrays and per-series overhead, labels excluded). */
    public long estimatedBytes() {
        long b = 0;
        for (ConcurrentHashMap<Labels, StoredSeries> m : byMetric.values()) for (StoredSeries s : m.values()) b += s.bytes();
        return b;
    }

    /** Ages out slots past each tier's retention and drops series silent for longer than the longest one. */
    public int expire(long nowMillis) {
        int dropped = 0;
        for (ConcurrentHashMap<Labels, StoredSeries> m : byMetric.values()) {
            for (StoredSeries s : m.values()) {
                if (s.expire(nowMillis, config.tiers()) && m.remove(s.series().labels(), s)) {
                    seriesCount.decrementAndGet();
                    generation.incrementAndGet();
                    dropped++;
                }
            }
        }
        return dropped;
    }

    void journal(Journal journal) {
        this.journal = journal;
        for (StoredSeries s : all()) s.journal(journal);
    }

    /** Forgets every series (a recovery that must start over). */
    void clear() {
        byMetric.clear();
        seriesCount.set(0);
        generation.incrementAndGet();
    }

    /** Recreates a series under its persisted id (replay). */
    StoredSeries restore(int id, Series series) {
        StoredSeries created = new StoredSeries(id, series, config.tiers(), config.maxExponentialScale(), journal);
        StoredSeries old = byMetric.computeIfAbsent(series.metric(), m -> new ConcurrentHashMap<>()).put(series.labels(), created);
        if (old == null) seriesCount.incrementAndGet();
        nextId.accumulateAndGet(id + 1, Math::max);
        return created;
    }

    // ---- MetricStore ------------------------------------------------------------------------

    @Override
    public List<Series> find(String metric, Predicate<Labels> filter) {
        ConcurrentHashMap<Labels, StoredSeries> m = byMetric.get(metric);
        if (m == null) return List.of();
        List<Series> out = new ArrayList<>();
        for (StoredSeries s : m.values()) if (filter.test(s.series().labels())) out.add(s.series());
        return out;
    }

    /** Like {@link #find} but hands out the stored series, to query without a second lookup. */
    public Collection<StoredSeries> stored(String metric) {
        ConcurrentHashMap<Labels, StoredSeries> m = byMetric.get(metric);
        return m == null ? List.of() : m.values();
    }

    @Override
    public OptionalDouble increase(Series series, long fromMillis, long toMillis) {
        StoredSeries s = lookup(series);
        double[] d = s == null ? null : s.increase(fromMillis, toMillis);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d[0]);
    }

    @Override
    public Optional<HistogramWindow> histogramIncrease(Series series, long fromMillis, long toMillis) {
        StoredSeries s = lookup(series);
        if (s == null) return Optional.empty();
        synchronized (s) {
            double[] d = s.increase(fromMillis, toMillis);
            if (d == null) return Optional.empty();
            long[] counts = new long[d.length - 2];
            for (int i = 0; i < counts.length; i++) counts[i] = Math.round(d[i + 2]);
            return Optional.of(new HistogramWindow(s.bounds(), counts, d[0], Math.round(d[1])));
        }
    }

    @Override
    public Optional<GaugeWindow> gauge(Series series, long fromMillis, long toMillis) {
        StoredSeries s = lookup(series);
        return s == null ? Optional.empty() : Optional.ofNullable(s.gauge(fromMillis, toMillis));
    }

    private StoredSeries lookup(Series series) {
        ConcurrentHashMap<Labels, StoredSeries> m = byMetric.get(series.metric());
        StoredSeries s = m == null ? null : m.get(series.labels());
        return s != null && s.series().kind() == series.kind() ? s : null;
    }
}
