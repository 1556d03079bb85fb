package dev.revisit.agent.recorder;

import dev.revisit.agent.log.AgentLog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of instruments. Instrumentations register theirs once at start-up (same
 * name, kind and keys again returns the same instrument), resolve series handles, and
 * record into them; the export thread calls {@link #collect()}.
 */
public final class Recorder {
    public static final String FOLDED_METRIC = "revisit.agent.attribute.folded";

    private final Map<String, Instrument<?>> instruments = new ConcurrentHashMap<>();
    private final List<Instrument<?>> ordered = new CopyOnWriteArrayList<>();
    private final List<Runnable> collectCallbacks = new CopyOnWriteArrayList<>();
    private final Instrument.Limits limits;
    private final Counter folded;
    private final long startEpochNanos;

    public Recorder(int attributeCap, int seriesCap) {
        this.startEpochNanos = System.currentTimeMillis() * 1_000_000L;
        // Bounded by (metrics x attributes), which the code fixes; never folds into itself.
        Instrument.Limits unbounded = new Instrument.Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, (m, k) -> { });
        this.folded = register(new Counter(FOLDED_METRIC, "{recording}",
                "Recordings whose attribute value was replaced by 'other' because the metric reached its cap of distinct values",
                new String[] {"metric.name", "attribute.key"}, unbounded));
        this.limits = new Instrument.Limits(attributeCap, seriesCap, (metric, key) -> folded.series(metric, key).increment());
    }

    public Counter counter(String name, String unit, String description, String... attributeKeys) {
        return register(new Counter(name, unit, description, attributeKeys, limits));
    }

    public Gauge gauge(String name, String unit, String description, String... attributeKeys) {
        return register(new Gauge(name, unit, description, attributeKeys, limits));
    }

    public Histogram histogram(String name, String unit, String description, double[] boundaries, double scale, String... attributeKeys) {
        return register(new Histogram(name, unit, description, boundaries, scale, attributeKeys, limits));
    }

    /** A duration histogram in seconds, recorded in nanoseconds: {@code series.record(System.nanoTime() - start)}. */
    public Histogram durationHistogram(String name, String description, String... attributeKeys) {
        return histogram(name, "s", description, Histogram.DURATION_BOUNDARIES, Histogram.NANOS_PER_SECOND, attributeKeys);
    }

    /** Runs on the export thread before each collection: the place to read gauges from MXBeans and the like. */
    public void onCollect(Runnable callback) {
        collectCallbacks.add(callback);
    }

    public long startEpochNanos() {
        return startEpochNanos;
    }

    /**
     * A snapshot of every instrument's series, cumulative since start. Called by the export
     * and scrape threads; synchronized so collection callbacks never run concurrently.
     */
    public synchronized List<MetricView> collect() {
        for (Runnable callback : collectCallbacks) {
            try {
                callback.run();
            } catch (Throwable t) {
                AgentLog.once("collect:" + callback.getClass().getName(), "a collection callback failed; its values may be stale", t);
            }
        }
        List<MetricView> views = new ArrayList<>();
        for (Instrument<?> instrument : ordered) {
            MetricView view = instrument.view();
            if (!view.points().isEmpty()) {
                views.add(view);
            }
        }
        return views;
    }

    @SuppressWarnings("unchecked")
    private <I extends Instrument<?>> I register(I instrument) {
        Instrument<?> existing = instruments.putIfAbsent(instrument.name(), instrument);
        if (existing == null) {
            ordered.add(instrument);
            return instrument;
        }
        if (existing.getClass() != instrument.getClass() || !existing.attributeKeys().equals(instrument.attributeKeys())
                || !Arrays.equals(existing.boundaries(), instrument.boundaries())) {
            throw new IllegalStateException("metric " + instrument.name() + " is already registered as a different "
                    + existing.kind() + " with attributes " + existing.attributeKeys());
        }
        return (I) existing;
    }
}
