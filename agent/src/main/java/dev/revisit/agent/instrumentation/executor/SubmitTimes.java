package dev.revisit.agent.instrumentation.executor;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Submit times of tasks waiting in any pool, keyed by the task's identity hash — without
 * holding the task and without allocating. One fixed table of longs, each entry packing the
 * identity hash (high half) and the submit time in units of 1,024 ns (low half, wrapping
 * every 73 minutes). A task is found again within a small probe window; when the window is
 * full the oldest entry there gives way (a task that left the queue unseen, e.g. by
 * {@code shutdownNow()}, is simply forgotten). Two waiting tasks with the same identity
 * hash may swap their times: rare, and it only ever mixes two real waits.
 */
final class SubmitTimes {
    static final int TIME_SHIFT = 10;
    private static final int PROBES = 8;
    private static final long PRESENT = 1L << 63;

    private final AtomicLongArray slots;
    private final int mask;

    SubmitTimes(int capacityPowerOfTwo) {
        this.slots = new AtomicLongArray(1 << capacityPowerOfTwo);
        this.mask = (1 << capacityPowerOfTwo) - 1;
    }

    void put(Object task, long nanoTime) {
        int hash = System.identityHashCode(task);
        long entry = PRESENT | ((long) hash << 32) | Integer.toUnsignedLong(ticks(nanoTime));
        int start = index(hash);
        int oldest = start;
        long oldestAge = -1;
        int now = ticks(nanoTime);
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & mask;
            long current = slots.get(slot);
            if (current == 0L) {
                if (slots.compareAndSet(slot, 0L, entry)) {
                    return;
                }
                current = slots.get(slot);
            }
            long age = Integer.toUnsignedLong(now - (int) current);
            if (age > oldestAge) {
                oldestAge = age;
                oldest = slot;
            }
        }
        slots.set(oldest, entry);
    }

    /** @return the task's submit time as {@code nanoTime >> TIME_SHIFT} truncated to an int, or {@code -1L} when unknown */
    long take(Object task) {
        int hash = System.identityHashCode(task);
        long key = PRESENT | ((long) hash << 32);
        int start = index(hash);
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & mask;
            long current = slots.get(slot);
            if ((current & 0xFFFF_FFFF_0000_0000L) == key && slots.compareAndSet(slot, current, 0L)) {
                return Integer.toUnsignedLong((int) current);
            }
        }
        return -1L;
    }

    /** Nanoseconds from a {@link #take} result to {@code nanoTime}; right for waits under 73 minutes. */
    static long waitedNanos(long submitTicks, long nanoTime) {
        return Integer.toUnsignedLong(ticks(nanoTime) - (int) submitTicks) << TIME_SHIFT;
    }

    private static int ticks(long nanoTime) {
        return (int) (nanoTime >>> TIME_SHIFT);
    }

    private int index(int hash) {
        // Identity hashes are well spread already; fold the high bits in for small tables.
        return (hash ^ (hash >>> 16)) & mask;
    }
}
