package dev.revisit.collector.store;

/**
 * Bucket increases of one histogram series over a window. {@code counts.length == bounds.length + 1};
 * bucket {@code i} holds values in {@code (bounds[i-1], bounds[i]]}, the last one everything above
 * the last bound (OTLP explicit-bucket convention). Exponential histograms arrive here converted
 * to their explicit bounds.
 */
public record HistogramWindow(double[] bounds, long[] counts, double sum, long count) {}
