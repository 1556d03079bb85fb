package dev.revisit.collector.store;

/** How a series' points combine over time. */
public enum MetricKind {
    /** Monotonic sum (OTLP Sum with is_monotonic). */
    COUNTER,
    /** Last value wins (OTLP Gauge, or a non-monotonic Sum). */
    GAUGE,
    /** OTLP explicit or exponential histogram, stored with explicit bucket bounds. */
    HISTOGRAM
}
