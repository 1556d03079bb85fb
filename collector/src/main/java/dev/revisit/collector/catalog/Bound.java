package dev.revisit.collector.catalog;

/** A signal tied to one scope's series: evaluates the signal over any window. */
@FunctionalInterface
public interface Bound {

    /** The signal's value over {@code (fromMillis, toMillis]}, or NaN when the window has no data. */
    double value(long fromMillis, long toMillis);
}
