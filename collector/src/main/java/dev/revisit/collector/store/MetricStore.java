package dev.revisit.collector.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The read side of the signal store: the seam between where points come from (the embedded
 * store fed by OTLP ingest) and what the derived-signal catalog computes over them.
 *
 * <p>Times are epoch milliseconds; every window is half-open, {@code (fromMillis, toMillis]}.
 * Counters and histograms are stored cumulatively per series, whatever temporality the sender
 * used, and every query below is reset-aware: a drop in a cumulative value starts a new run.
 */
public interface MetricStore {

    /**
     * Every series of {@code metric} (its OTLP name, e.g. {@code db.client.operation.duration})
     * whose labels pass {@code filter}. Labels are the resource attributes and the point
     * attributes merged; a point attribute wins over a resource attribute of the same key.
     */
    List<Series> find(String metric, Predicate<Labels> filter);

    /** How much a monotonic counter series grew in the window; empty without two samples in or bracketing it. */
    OptionalDouble increase(Series series, long fromMillis, long toMillis);

    /** How much each bucket of a histogram series grew in the window; empty without data. */
    Optional<HistogramWindow> histogramIncrease(Series series, long fromMillis, long toMillis);

    /** Summary of a gauge series' samples in the window; empty without samples. */
    Optional<GaugeWindow> gauge(Series series, long fromMillis, long toMillis);
}
