package dev.revisit.collector.store;

import java.util.Arrays;

/**
 * The slots of one series in one {@link Tier}: a circular buffer of sample times and a fixed
 * number ({@code stride}) of doubles per slot, grown on demand up to the tier's slot count so a
 * series pays only for what it has received. Times never decrease. Not thread-safe: the owning
 * {@link StoredSeries} guards it.
 */
final class SlotRing {

    private static final int INITIAL = 8;

    private final long resolution;
    private final long retention;
    private final int maxSlots;
    private final boolean raw;
    private int stride;
    private long[] times = new long[0];
    private double[] values = new double[0];
    private int head;
    private int size;
    private boolean evicted;

    /**
     * @param raw keep every sample rather than the last of each bucket; the ring still holds at
     *            most the tier's slot count, so a sender faster than the resolution shortens the
     *            span this tier covers (queries then read further back from the next tier)
     */
    SlotRing(Tier tier, int stride, boolean raw) {
        this.raw = raw;
        this.resolution = tier.resolution().toMillis();
        this.retention = tier.retention().toMillis();
        this.maxSlots = tier.maxSlots();
        this.stride = stride;
    }

    long resolution() {
        return resolution;
    }

    int size() {
        return size;
    }

    int stride() {
        return stride;
    }

    long time(int i) {
        return times[physical(i)];
    }

    /** Offset in {@link #values()} of slot {@code i}'s first value. */
    int offset(int i) {
        return physical(i) * stride;
    }

    double[] values() {
        return values;
    }

    /** True when this tier still holds a sample at or before {@code t} (or never dropped any). */
    boolean reaches(long t) {
        return !evicted || (size > 0 && times[head] <= t);
    }

    /** Index of the last slot at or before {@code t}, or -1. */
    int lastAtOrBefore(long t) {
        int lo = 0, hi = size - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[physical(mid)] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Offset where the caller writes the slot for a sample at {@code t}: the open slot when
     * {@code t} falls in its bucket ({@code fresh} false), else a new one ({@code fresh} true,
     * returned as a negative offset - 1). The caller then fills {@code stride} values.
     */
    int slotFor(long t) {
        if (size > 0) {
            int last = physical(size - 1);
            if (raw ? times[last] == t : Math.floorDiv(times[last], resolution) == Math.floorDiv(t, resolution)) {
                times[last] = t;
                return last * stride;
            }
        }
        if (size == times.length) { // retention is enforced when room is needed (and by expire)
            evictBefore(t - retention);
            if (size == times.length) grow();
        }
        int p = physical(size);
        times[p] = t;
        size++;
        return -(p * stride) - 1;
    }

    /** Drops slots older than {@code horizon}, keeping the newest one at or before it as a baseline. */
    void evictBefore(long horizon) {
        while (size > 1 && times[physical(1)] <= horizon) {
            head = (head + 1) % times.length;
            size--;
            evicted = true;
        }
    }

    /** Re-lays every slot for a new stride: old value {@code j} adds into {@code map[j]} (or is dropped when -1). */
    void restride(int newStride, int[] map) {
        double[] next = new double[times.length * newStride];
        for (int i = 0; i < size; i++) {
            int p = physical(i);
            for (int j = 0; j < stride; j++) {
                if (map[j] >= 0) next[p * newStride + map[j]] += values[p * stride + j];
            }
        }
        values = next;
        stride = newStride;
    }

    void clear() {
        head = 0;
        size = 0;
        evicted = false;
    }

    void write(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(size);
        out.writeInt(stride);
        out.writeBoolean(evicted);
        for (int i = 0; i < size; i++) {
            int p = physical(i);
            out.writeLong(times[p]);
            for (int j = 0; j < stride; j++) out.writeDouble(values[p * stride + j]);
        }
    }

    void read(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        int st = in.readInt();
        if (n < 0 || n > 1 << 24 || st < 0 || st > 1 << 16) throw new java.io.IOException("bad slot ring: " + n + " slots of " + st);
        stride = st;
        evicted = in.readBoolean();
        int skip = Math.max(0, n - maxSlots); // written under a longer retention: keep the newest
        int keep = n - skip;
        times = new long[keep];
        values = new double[keep * st];
        for (int i = 0; i < n; i++) {
            int k = i - skip;
            long t = in.readLong();
            for (int j = 0; j < st; j++) {
                double v = in.readDouble();
                if (k >= 0) values[k * st + j] = v;
            }
            if (k >= 0) times[k] = t;
        }
        evicted |= skip > 0;
        head = 0;
        size = keep;
    }

    long bytes() {
        return 16L + times.length * 8L + values.length * 8L + 40;
    }

    private void grow() {
        int capacity = Math.min(maxSlots, Math.max(INITIAL, times.length * 2));
        if (capacity == times.length) {
            // full at the tier's bound: the oldest slot goes (retention already evicts before this)
            head = (head + 1) % times.length;
            size--;
            evicted = true;
            return;
        }
        long[] t = new long[capacity];
        double[] v = new double[capacity * stride];
        for (int i = 0; i < size; i++) {
            int p = physical(i);
            t[i] = times[p];
            System.arraycopy(values, p * stride, v, i * stride, stride);
        }
        times = t;
        values = v;
        head = 0;
    }

    private int physical(int i) {
        int p = head + i;
        return p >= times.length ? p - times.length : p;
    }

    @Override
    public String toString() {
        return "SlotRing[" + size + "/" + maxSlots + ", stride " + stride + ", " + Arrays.toString(Arrays.copyOf(times, Math.min(size, 4))) + "...]";
    }
}
