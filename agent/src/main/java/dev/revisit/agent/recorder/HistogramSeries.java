package dev.revisit.agent.recorder;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One histogram series: bucket counts and a sum, in the histogram's recording unit
 * (nanoseconds for durations). Memory is fixed at creation. A recording is two uncontended
 * atomic adds — the count and the sum cannot share one 64-bit cell without overflowing
 * between exports — in one array, sum first, so that for short durations both land in the
 * same cache line. A snapshot taken while others record may see a sum and counts a few
 * recordings apart; the exported count is always the sum of the bucket counts.
 */
public final class HistogramSeries {
    private static final int SUM = 0;

    private final BucketIndex index;
    /** [0] the sum, [1 + i] the count of bucket i. */
    private final AtomicLongArray cells;

    HistogramSeries(BucketIndex index) {
        this.index = index;
        this.cells = new AtomicLongArray(1 + index.buckets());
    }

    /** @param value in the histogram's recording unit, e.g. nanoseconds for durations */
    public void record(long value) {
        AtomicLongArray c = cells;
        c.getAndIncrement(1 + index.of(value));
        c.getAndAdd(SUM, value);
    }

    long[] bucketCounts() {
        long[] result = new long[cells.length() - 1];
        for (int i = 0; i < result.length; i++) {
            result[i] = cells.get(1 + i);
        }
        return result;
    }

    long sum() {
        return cells.get(SUM);
    }
}
