package dev.revisit.agent.recorder;

/**
 * Finds a value's bucket without scanning every bound: a table, indexed by the value's bit
 * length ({@code 64 - numberOfLeadingZeros}), holds the first bucket whose upper bound is at
 * least the smallest value of that length; from there at most the few bounds inside one
 * power of two remain to step over (two or three for the duration buckets, whose bounds run
 * 1, 2.5, 5, 7.5 per decade). A bucket holds the values up to and including its upper bound;
 * the last bucket holds everything above the last bound. Shared by all series of a histogram.
 */
final class BucketIndex {
    /** Bit lengths 0 (the value 0) to 63 (up to Long.MAX_VALUE), and 64 for every negative value. */
    private static final int LENGTHS = 65;

    private final long[] upperBounds;
    private final int[] firstByLength = new int[LENGTHS];

    /** @param upperBounds non-decreasing; not copied, the caller hands them over */
    BucketIndex(long[] upperBounds) {
        this.upperBounds = upperBounds;
        for (int length = 0; length < LENGTHS; length++) {
            long smallest = smallestOfLength(length);
            int i = 0;
            while (i < upperBounds.length && upperBounds[i] < smallest) {
                i++;
            }
            firstByLength[length] = i;
        }
    }

    /** The smallest value with this bit length; negative values all start from the first bucket. */
    private static long smallestOfLength(int length) {
        if (length == 0) {
            return 0L;
        }
        return length == 64 ? Long.MIN_VALUE : 1L << (length - 1);
    }

    /** @return the bucket of {@code value}: 0 to {@code upperBounds.length} (the overflow bucket) */
    int of(long value) {
        long[] bounds = upperBounds;
        int i = firstByLength[64 - Long.numberOfLeadingZeros(value)];
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        return i;
    }

    int buckets() {
        return upperBounds.length + 1;
    }
}
