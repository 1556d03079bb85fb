package dev.revisit.agent.recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One histogram series: a fixed array of bucket counts and a sum, in the histogram's
 * recording unit (nanoseconds for durations). Memory is fixed at creation.
 * A snapshot taken while others record may see a sum and counts a few recordings apart.
 */
public final class HistogramSeries {
    private final long[] upperBounds;
    private final AtomicLongArray counts;
    private final AtomicLong sum = new AtomicLong();

    HistogramSeries(long[] upperBounds) {
        this.upperBounds = upperBounds;
        this.counts = new AtomicLongArray(upperBounds.length + 1);
    }

    /** @param value in the histogram's recording unit, e.g. nanoseconds for durations */
    public void record(long value) {
        long[] bounds = upperBounds;
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        counts.incrementAndGet(i);
        sum.addAndGet(value);
    }

    long[] bucketCounts() {
        long[] result = new long[counts.length()];
        for (int i = 0; i < result.length; i++) {
            result[i] = counts.get(i);
        }
        return result;
    }

    long sum() {
        return sum.get();
    }
}
