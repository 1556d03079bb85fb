package dev.revisit.collector.verdict;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.SeriesIndex;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.store.MetricStore;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Where a round of evaluation reads signal values: the embedded store, or a Prometheus-compatible
 * query API. {@code serve}'s loop, {@code evaluate} and the status page's charts all go through
 * this one seam, so they read the same values.
 */
public interface SignalSource extends AutoCloseable {

    /**
     * Binds assumptions to their values for one round. What a round shares (the embedded store's
     * series index, a remote source's answers to identical queries) lives as long as the function.
     */
    Function<Assumption, Bound> round();

    /**
     * As {@link #round()}, told beforehand which assumptions the round assesses and the ends of
     * the windows each one's lookback evaluates ({@link Bound#values}), and how to tell from a
     * lookback's values which further windows the assessment will ask for: a remote source may
     * fetch them together. The values must be those the binder would give anyway.
     */
    default Function<Assumption, Bound> round(Map<Assumption, long[]> lookbacks, ReachBack reachBack) {
        return round();
    }

    /** Which further windows an assessment asks for after its lookback. */
    @FunctionalInterface
    interface ReachBack {
        /** The ends of the further windows, ascending, or null when the lookback's {@code values} need none. */
        long[] ends(Assumption assumption, long[] lookback, double[] values);
    }

    /** Where a round's assumptions are assessed: the caller's thread, or a bounded pool for a remote store. */
    default Executor executor() {
        return Runnable::run;
    }

    @Override
    default void close() {}

    /** The embedded store, read in the caller's thread with a fresh series index each round. */
    static SignalSource embedded(MetricStore store) {
        return () -> {
            SeriesIndex index = new SeriesIndex(store);
            return a -> a.signal().bind(index, a.scope());
        };
    }
}
