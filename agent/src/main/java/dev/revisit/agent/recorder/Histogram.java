package dev.revisit.agent.recorder;

import java.util.List;

/**
 * An explicit-bucket histogram. Values are recorded as longs in a recording unit that is
 * {@code scale} times finer than the exported unit: durations are recorded in nanoseconds
 * and exported in seconds ({@code scale = 1e9}), so the hot path does no floating point.
 */
public final class Histogram extends Instrument<HistogramSeries> {
    /** Seconds. Fine at the low end: an in-memory database answers in microseconds. */
    public static final double[] DURATION_BOUNDARIES = {
        0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
        0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
    };
    public static final double NANOS_PER_SECOND = 1e9;

    private final double[] boundaries;
    private final double scale;

    Histogram(String name, String unit, String description, double[] boundaries, double scale, String[] keys, Limits limits) {
        super(name, unit, description, keys, factory(boundaries, scale), limits);
        this.boundaries = boundaries.clone();
        this.scale = scale;
    }

    private static SeriesTable.Factory<HistogramSeries> factory(double[] boundaries, double scale) {
        long[] bounds = new long[boundaries.length];
        for (int i = 0; i < boundaries.length; i++) {
            if (i > 0 && boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("histogram boundaries must increase: " + java.util.Arrays.toString(boundaries));
            }
            bounds[i] = Math.round(boundaries[i] * scale);
        }
        BucketIndex index = new BucketIndex(bounds);
        return () -> new HistogramSeries(index);
    }

    @Override
    InstrumentKind kind() {
        return InstrumentKind.HISTOGRAM;
    }

    @Override
    double[] boundaries() {
        return boundaries.clone();
    }

    @Override
    PointView view(String[] values, HistogramSeries series) {
        long[] buckets = new long[series.buckets()];
        long sum = series.snapshot(buckets);
        long count = 0;
        for (long bucket : buckets) {
            count += bucket;
        }
        if (count == 0) {
            return null;
        }
        return new PointView(List.of(values), 0, count, sum / scale, buckets);
    }
}
