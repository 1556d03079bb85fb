package dev.revisit.agent.recorder;

import java.util.List;

/**
 * One series at collection time. {@code attributeValues} line up with the metric's keys; an
 * empty value means the attribute was unknown and is left out on export.
 * Counters and gauges use {@code value}; histograms {@code count}, {@code sum} and
 * {@code bucketCounts} (one more than the boundaries).
 */
public record PointView(List<String> attributeValues, double value, long count, double sum, long[] bucketCounts) {}
