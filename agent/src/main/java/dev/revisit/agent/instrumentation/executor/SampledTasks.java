package dev.revisit.agent.instrumentation.executor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks chosen for timing that have not started yet, with their submit times: a fixed
 * table of at most 64 slots whose occupancy is one bit mask. A worker learns that a task was
 * not chosen by comparing references with the slots from the lowest occupied to the highest —
 * no identity hash, and nothing at all when the mask is empty. That is a straight loop over a
 * plain array, which the JIT unrolls: about half the time a slot of visiting the set bits one by
 * one (docs/adr/0015, amendment), so it pays even when it passes a few free slots.
 * <p>
 * A slot is reserved by setting its bit, filled (time, then the task, released), and emptied
 * by whoever swaps the task out for null first (the worker that starts it, {@code dropped} or
 * the reclaimer), which then clears the bit. So a set bit covers a filled or filling
 * slot, and the bit of a task handed to a queue is visible to the worker that takes it from there.
 * <p>
 * When the table is full, {@link #claim} says so and the caller keeps the task elsewhere
 * (docs/adr/0015): a bounded table that simply turned tasks away would time the shallow moments
 * of a deep backlog and miss its deep ones.
 * <p>
 * The table holds a task strongly while it waits, as the queue itself does. A task that left
 * its queue unseen ({@code shutdownNow()}, {@code getQueue().clear()}) is let go once its entry
 * is older than {@link #STALE_NANOS}: every claim looks at one slot, and {@link #reclaimStale}
 * sweeps them all (the export thread calls it).
 */
final class SampledTasks {
    /** What {@link #take} returns for a task that holds no slot. */
    static final long NONE = Long.MIN_VALUE;
    static final int MAX_CAPACITY = 64;
    static final long STALE_NANOS = 10L * 60 * 1_000_000_000L;

    private static final VarHandle TASK = MethodHandles.arrayElementVarHandle(Object[].class);

    private final AtomicLong occupied = new AtomicLong();
    /**
     * Written with release, emptied by CAS; {@link #take} reads it plain: the task it looks for
     * reached its worker through the queue, after its slot was filled, so the slot is seen.
     */
    private final Object[] tasks;
    /** Written before the task is released into its slot, read after the task is acquired. */
    private final long[] submitted;
    private final int capacity;
    private final long full;

    /** @param capacity a power of two, 1 to {@value #MAX_CAPACITY} */
    SampledTasks(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two from 1 to " + MAX_CAPACITY + ": " + capacity);
        }
        this.capacity = capacity;
        this.tasks = new Object[capacity];
        this.submitted = new long[capacity];
        this.full = capacity == MAX_CAPACITY ? -1L : (1L << capacity) - 1;
    }

    /**
     * Gives {@code task} a slot with its submit time. Must happen before the task is handed to
     * its queue, so that the worker taking it sees the slot.
     * @param random any random bits: which slot to check for staleness
     * @return false when the table was full
     */
    boolean claim(Object task, long nanoTime, int random) {
        if (task == null) {
            return false; // execute(null) throws; a null would hold its slot for good
        }
        reclaimIfStale(random & (capacity - 1), nanoTime);
        long bits;
        long bit;
        do {
            bits = occupied.get();
            if (bits == full) {
                return false;
            }
            bit = Long.lowestOneBit(~bits);
        } while (!occupied.compareAndSet(bits, bits | bit));
        int slot = Long.numberOfTrailingZeros(bit);
        submitted[slot] = nanoTime;
        TASK.setRelease(tasks, slot, task);
        return true;
    }

    /**
     * Empties the slot of {@code task} (compared by reference).
     * @return its submit time, or {@link #NONE}
     */
    long take(Object task) {
        long bits = occupied.get();
        if (bits == 0 || task == null) {
            return NONE;
        }
        Object[] slots = tasks;
        int end = Long.SIZE - Long.numberOfLeadingZeros(bits);
        for (int slot = Long.numberOfTrailingZeros(bits); slot < end; slot++) {
            if (slots[slot] == task) {
                long time = submitted[slot];
                if (release(slot, task)) {
                    return time;
                }
            }
        }
        return NONE;
    }

    /** Lets go of every entry older than {@link #STALE_NANOS}. */
    void reclaimStale(long nanoTime) {
        for (long bits = occupied.get(); bits != 0; bits &= bits - 1) {
            reclaimIfStale(Long.numberOfTrailingZeros(bits), nanoTime);
        }
    }

    /** Slots in use, for tests. */
    int size() {
        return Long.bitCount(occupied.get());
    }

    private void reclaimIfStale(int slot, long nanoTime) {
        Object task = TASK.getAcquire(tasks, slot);
        if (task != null && nanoTime - submitted[slot] > STALE_NANOS) {
            release(slot, task);
        }
    }

    private boolean release(int slot, Object task) {
        if (!TASK.compareAndSet(tasks, slot, task, null)) {
            return false;
        }
        occupied.getAndAdd(-(1L << slot)); // only the releaser clears a set bit: subtracting it clears it
        return true;
    }
}
