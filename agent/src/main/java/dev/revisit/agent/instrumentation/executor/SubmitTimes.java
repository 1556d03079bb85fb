package dev.revisit.agent.instrumentation.executor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Submit times of tasks waiting in any pool, keyed by the task's identity hash — without
 * holding the task and without allocating. One fixed table of longs, each entry packing the
 * identity hash (high half) and the submit time in units of 1,024 ns (low half, wrapping
 * every 73 minutes). A task is found again within a small probe window; when the window is
 * full the oldest entry there gives way. Two waiting tasks with the same identity hash may
 * swap their times: rare, and it only ever mixes two real waits.
 * <p>
 * {@link #size} is kept here, beside the entries, so that it comes back to 0 whenever the
 * table is empty again: {@link #take}, which hashes only while it is non-zero, must not keep hashing
 * for entries that were forgotten. Every entry counts once from its put to the one removal
 * that wins the CAS on it — a take, the eviction that overwrites it, or {@link #reclaimStale}
 * for tasks that left their queue unseen ({@code shutdownNow()}, {@code getQueue().clear()}).
 * The count is raised before an entry is written and lowered after it is removed, so it never
 * says 0 while an entry is present.
 */
final class SubmitTimes {
    static final int TIME_SHIFT = 10;
    /**
     * In ticks. Ages are tick differences read as signed ints, right within ±2³¹ ticks (36
     * minutes): an entry put a moment after the reclaimer read its clock has a small negative
     * age, not a huge one, and a sweep once a collection (seconds to a minute apart) sees every
     * entry while its age is still under 36 minutes.
     */
    static final long STALE_TICKS = SampledTasks.STALE_NANOS >>> TIME_SHIFT;
    private static final int PROBES = 8;
    private static final long PRESENT = 1L << 63;
    private static final long KEY = 0xFFFF_FFFF_0000_0000L;

    private final AtomicLongArray slots;
    private final int mask;
    private final AtomicLong size = new AtomicLong();

    SubmitTimes(int capacityPowerOfTwo) {
        this.slots = new AtomicLongArray(1 << capacityPowerOfTwo);
        this.mask = (1 << capacityPowerOfTwo) - 1;
    }

    void put(Object task, long nanoTime) {
        int hash = System.identityHashCode(task);
        int now = ticks(nanoTime);
        long entry = PRESENT | ((long) hash << 32) | Integer.toUnsignedLong(now);
        int start = index(hash);
        size.incrementAndGet();
        for (int attempt = 0; attempt < 2; attempt++) {
            int oldest = -1;
            long oldestEntry = 0L;
            long oldestAge = Long.MIN_VALUE;
            for (int i = 0; i < PROBES; i++) {
                int slot = (start + i) & mask;
                long current = slots.get(slot);
                if (current == 0L) {
                    if (slots.compareAndSet(slot, 0L, entry)) {
                        return;
                    }
                    current = slots.get(slot);
                    if (current == 0L) {
                        continue;
                    }
                }
                long age = age(now, current);
                if (age > oldestAge) {
                    oldestAge = age;
                    oldest = slot;
                    oldestEntry = current;
                }
            }
            if (oldest >= 0 && slots.compareAndSet(oldest, oldestEntry, entry)) {
                size.decrementAndGet(); // the evicted entry's count; the new one holds the increment above
                return;
            }
        }
        // The window kept changing under us: the task goes untimed rather than this thread spinning.
        size.decrementAndGet();
    }

    /**
     * Nothing is hashed while the table is empty: callers ask for every task a worker starts,
     * and most never came here.
     * @return the task's submit time as {@code nanoTime >> TIME_SHIFT} truncated to an int, or {@code -1L} when unknown
     */
    long take(Object task) {
        if (task == null || size.get() <= 0) {
            return -1L;
        }
        int hash = System.identityHashCode(task);
        long key = PRESENT | ((long) hash << 32);
        int start = index(hash);
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & mask;
            long current = slots.get(slot);
            if ((current & KEY) == key && slots.compareAndSet(slot, current, 0L)) {
                size.decrementAndGet();
                return Integer.toUnsignedLong((int) current);
            }
        }
        return -1L;
    }

    /** Lets go of every entry older than {@link #STALE_TICKS}: the export thread calls it once a collection. */
    void reclaimStale(long nanoTime) {
        if (size.get() <= 0) {
            return;
        }
        int now = ticks(nanoTime);
        for (int slot = 0; slot <= mask; slot++) {
            long current = slots.get(slot);
            if (current != 0L && age(now, current) > STALE_TICKS && slots.compareAndSet(slot, current, 0L)) {
                size.decrementAndGet();
            }
        }
    }

    /** Entries present, or about to be: 0 means no take can find anything. */
    long size() {
        return size.get();
    }

    /** Nanoseconds from a {@link #take} result to {@code nanoTime}; right for waits under 73 minutes. */
    static long waitedNanos(long submitTicks, long nanoTime) {
        return Integer.toUnsignedLong(ticks(nanoTime) - (int) submitTicks) << TIME_SHIFT;
    }

    private static long age(int nowTicks, long entry) {
        return nowTicks - (int) entry;
    }

    private static int ticks(long nanoTime) {
        return (int) (nanoTime >>> TIME_SHIFT);
    }

    private int index(int hash) {
        // Identity hashes are well spread already; fold the high bits in for small tables.
        return (hash ^ (hash >>> 16)) & mask;
    }
}
