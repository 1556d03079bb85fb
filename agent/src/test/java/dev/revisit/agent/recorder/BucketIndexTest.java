package dev.revisit.agent.recorder;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BucketIndexTest {
    /** The duration buckets in nanoseconds, as {@link Histogram} derives them. */
    private static final long[] DURATION_NANOS = nanos(Histogram.DURATION_BOUNDARIES);

    private static long[] nanos(double[] seconds) {
        long[] bounds = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            bounds[i] = Math.round(seconds[i] * Histogram.NANOS_PER_SECOND);
        }
        return bounds;
    }

    /** What the index must agree with: the first bound the value does not exceed. */
    private static int linear(long[] bounds, long value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        return i;
    }

    @Test
    void durationEdgeValues() {
        BucketIndex index = new BucketIndex(DURATION_NANOS);
        int overflow = DURATION_NANOS.length;
        assertEquals(0, index.of(0));
        assertEquals(0, index.of(-1));
        assertEquals(0, index.of(Long.MIN_VALUE));
        assertEquals(0, index.of(1));
        assertEquals(0, index.of(10_000));          // exactly on the first bound → that bucket
        assertEquals(1, index.of(10_001));
        assertEquals(6, index.of(2_500_000));       // exactly on 2.5 ms
        assertEquals(7, index.of(2_500_001));
        assertEquals(11, index.of(75_000_000));     // 75 ms and 100 ms share one power of two
        assertEquals(12, index.of(75_000_001));
        assertEquals(12, index.of(100_000_000));
        assertEquals(overflow - 1, index.of(10_000_000_000L)); // the last bound
        assertEquals(overflow, index.of(10_000_000_001L));
        assertEquals(overflow, index.of(Long.MAX_VALUE));
        assertEquals(overflow + 1, index.buckets());
    }

    @Test
    void everyBoundAndItsNeighboursAgreeWithALinearScan() {
        BucketIndex index = new BucketIndex(DURATION_NANOS);
        for (long bound : DURATION_NANOS) {
            for (long value = bound - 2; value <= bound + 2; value++) {
                assertEquals(linear(DURATION_NANOS, value), index.of(value), "value " + value);
            }
        }
        for (int shift = 0; shift < 63; shift++) {
            long power = 1L << shift;
            for (long value : new long[] {power - 1, power, power + 1}) {
                assertEquals(linear(DURATION_NANOS, value), index.of(value), "value " + value);
            }
        }
    }

    @Test
    void anyNonDecreasingBoundsAgreeWithALinearScan() {
        long[][] boundSets = {
            {},
            {0},
            {-5, 0, 5},
            {Long.MIN_VALUE, -1_000, -1, 0, 1, 2, 3, 4, 1_000, Long.MAX_VALUE},
            {7, 7, 8},                                   // two boundaries rounded to one value
            {1, 2, 4, 8, 16, 32, 64, 128, 256, 512},    // bounds on powers of two
            {100, 101, 102, 103, 104, 105, 106, 107},   // many bounds inside one power of two
            nanos(new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600}),
        };
        SplittableRandom random = new SplittableRandom(7);
        for (long[] bounds : boundSets) {
            BucketIndex index = new BucketIndex(bounds);
            for (long value : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
                assertEquals(linear(bounds, value), index.of(value), "value " + value);
            }
            for (long bound : bounds) {
                for (long delta = -1; delta <= 1; delta++) {
                    long value = bound + delta; // wraps at the extremes: still a value to place
                    assertEquals(linear(bounds, value), index.of(value), "value " + value);
                }
            }
            for (int i = 0; i < 100_000; i++) {
                // Log-uniform over the whole range, either sign: every bit length is drawn.
                long value = random.nextLong() >> random.nextInt(64);
                assertEquals(linear(bounds, value), index.of(value), "value " + value);
            }
        }
    }
}
