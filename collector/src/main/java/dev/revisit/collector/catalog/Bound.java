package dev.revisit.collector.catalog;

/** A signal tied to one scope's series: evaluates the signal over any window. */
@FunctionalInterface
public interface Bound {

    /** The signal's value over {@code (fromMillis, toMillis]}, or NaN when the window has no data. */
    double value(long fromMillis, long toMillis);

    /**
     * The signal over windows of {@code windowMillis} ending at each of {@code ends} (ascending),
     * NaN where a window has no data. The embedded store computes them one by one; a store that
     * answers a whole range in one request (Prometheus' {@code query_range}) overrides this and
     * says so with {@link #ranged()}.
     */
    default double[] values(long[] ends, long windowMillis) {
        double[] values = new double[ends.length];
        for (int i = 0; i < ends.length; i++) {
            values[i] = value(ends[i] - windowMillis, ends[i]);
        }
        return values;
    }

    /**
     * Whether {@link #values} costs about what one {@link #value} does: then a caller asks for
     * every step it might need at once rather than for each step it turns out to need.
     */
    default boolean ranged() {
        return false;
    }
}
