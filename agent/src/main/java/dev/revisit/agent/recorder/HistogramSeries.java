package dev.revisit.agent.recorder;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One histogram series: bucket counts and a sum, in the histogram's recording unit
 * (nanoseconds for durations). Memory is fixed at creation. A recording is one uncontended
 * atomic add (ADR 0019): each bucket has a cell holding its count in the high
 * {@value #COUNT_BITS} bits and the sum of its values in the low {@value #SUM_BITS}, so a value
 * {@code v} in {@code [0, 2^34)} (17 s in nanoseconds) adds {@code ONE_COUNT + v}. A cell is
 * drained into wide totals (a {@code long} per bucket and one for the sum) when an add leaves
 * its count at 2^18 or more or its sum at 2^44 or more — once per 262,144 recordings or ≈ 4.9 h
 * of summed nanoseconds per bucket. Other values (negative, or 17 s and more) go to the wide
 * totals directly.
 *
 * <p>Headroom: every add that finds the drain bit set drains the cell itself — no thread waits
 * for another — so between a crossing and the next {@code getAndSet} each recording thread can
 * land at most one add. The count field overflows only after 2^18 adds beyond the crossing, the
 * sum field only after 2^44 − 2^34 more (at least 1,023 adds of the largest fast value, 17,575
 * of 1 s): the cell cannot overflow unless that many threads stall together between their add and
 * their drain.
 *
 * <p>A snapshot reads the wide totals and the cells in one pass between two reads of the drain
 * counters, and retries when a drain overlapped it: a drain moves a cell's content to the wide
 * totals, and a reader seeing it half done would export a count or sum going down, or doubled.
 * Recordings racing a snapshot only ever raise what it sees; a slow-path recording may show its
 * count before its sum. The exported count is always the sum of the bucket counts.
 */
public final class HistogramSeries {
    static final int SUM_BITS = 45;
    static final int COUNT_BITS = 64 - SUM_BITS;
    private static final long ONE_COUNT = 1L << SUM_BITS;
    private static final long SUM_MASK = ONE_COUNT - 1;
    /** Values below 2^34 take the one-add path: a sum just past half full has room for 2^10 more. */
    static final int FAST_VALUE_BITS = 34;
    /** The count's top bit (count ≥ 2^18) or the sum's top bit (sum ≥ 2^44): half of either used. */
    private static final long DRAIN_SOON = (1L << 63) | (1L << (SUM_BITS - 1));

    private final BucketIndex index;
    /** Per bucket: count << SUM_BITS | sum of the bucket's values. */
    private final AtomicLongArray cells;
    /** Per bucket what was drained from its cell or recorded on the slow path; the last slot is the sum. */
    private final AtomicLongArray wide;
    private final int sumSlot;
    /** A snapshot is consistent when no drain started or finished while it read. */
    private final AtomicLong drainsStarted = new AtomicLong();
    private final AtomicLong drainsFinished = new AtomicLong();

    HistogramSeries(BucketIndex index) {
        this.index = index;
        this.cells = new AtomicLongArray(index.buckets());
        this.wide = new AtomicLongArray(index.buckets() + 1);
        this.sumSlot = index.buckets();
    }

    /** @param value in the histogram's recording unit, e.g. nanoseconds for durations */
    public void record(long value) {
        int bucket = index.of(value);
        if (value >>> FAST_VALUE_BITS == 0) {
            if ((cells.addAndGet(bucket, ONE_COUNT + value) & DRAIN_SOON) != 0) {
                drain(bucket);
            }
        } else {
            wide.getAndIncrement(bucket);
            wide.getAndAdd(sumSlot, value);
        }
    }

    /**
     * Racing recorders land either in what {@code getAndSet} takes or in the fresh cell. Drains
     * may run at once (each takes a disjoint part), so none waits on a lock held by a thread the
     * scheduler paused.
     */
    private void drain(int bucket) {
        drainsStarted.incrementAndGet();
        long taken = cells.getAndSet(bucket, 0L);
        wide.getAndAdd(bucket, taken >>> SUM_BITS);
        wide.getAndAdd(sumSlot, taken & SUM_MASK);
        drainsFinished.incrementAndGet();
    }

    int buckets() {
        return cells.length();
    }

    /**
     * Bucket counts and the sum, read together.
     *
     * @param counts receives the count of each bucket, {@link #buckets()} long
     * @return the sum of the recorded values
     */
    long snapshot(long[] counts) {
        while (true) {
            // Finished first: if it then equals started, no drain was under way when started was read.
            long finished = drainsFinished.get();
            long started = drainsStarted.get();
            if (started == finished) {
                long sum = wide.get(sumSlot);
                for (int i = 0; i < counts.length; i++) {
                    long cell = cells.get(i);
                    counts[i] = wide.get(i) + (cell >>> SUM_BITS);
                    sum += cell & SUM_MASK;
                }
                if (drainsStarted.get() == started) {
                    return sum;
                }
            }
            Thread.onSpinWait();
        }
    }

    /** Drains completed so far; tests use it to prove they drained. */
    long drains() {
        return drainsFinished.get();
    }
}
