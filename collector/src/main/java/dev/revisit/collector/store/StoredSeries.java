package dev.revisit.collector.store;

import java.util.Arrays;
import java.util.List;

/**
 * One series in the embedded store and its write side. Counters and histograms are kept as
 * reset-adjusted running totals, so a window's increase is the difference of two lookups
 * whatever the sender's temporality; gauges keep last/min/max/sum/count per slot. The first
 * {@link Tier} keeps every sample (as many as its retention over its resolution), each further
 * one the last state of every bucket of its resolution.
 *
 * <p>Thread-safe: writers and readers lock the series.
 */
public final class StoredSeries {

    /** A cumulative run whose start lies this close before its first point counts from zero at that start. */
    static final long FRESH_RUN_MILLIS = 5 * 60_000L;
    private static final long NONE = Long.MIN_VALUE;
    private static final int GAUGE_STRIDE = 5;

    private final int id;
    private final Series series;
    private final SlotRing[] tiers;
    private final int maxExponentialScale;
    private Journal journal;

    private double[] explicitBounds;
    private ExponentialLayout exponential;
    private double[] last;
    private double[] lastRaw;
    private long lastTime = NONE;
    private long runStart;

    StoredSeries(int id, Series series, List<Tier> tierSpecs, int maxExponentialScale, Journal journal) {
        this.id = id;
        this.series = series;
        this.maxExponentialScale = maxExponentialScale;
        this.journal = journal;
        int stride = switch (series.kind()) {
            case COUNTER -> 1;
            case GAUGE -> GAUGE_STRIDE;
            case HISTOGRAM -> 0;
        };
        tiers = new SlotRing[tierSpecs.size()];
        for (int i = 0; i < tiers.length; i++) tiers[i] = new SlotRing(tierSpecs.get(i), stride, i == 0);
    }

    public Series series() {
        return series;
    }

    public int id() {
        return id;
    }

    // ---- write side -------------------------------------------------------------------------

    /**
     * A monotonic counter point: the cumulative value since {@code startMillis} (0 when unknown),
     * or with {@code delta} the growth over {@code (startMillis, timeMillis]}. A cumulative value
     * that drops, or a new start time, begins a new run. Returns false when the point was not
     * stored (not finite, negative, or older than what the series already has).
     */
    public synchronized boolean addCounter(long startMillis, long timeMillis, double value, boolean delta) {
        if (!Double.isFinite(value) || value < 0) return false;
        return delta ? accumulate(startMillis, timeMillis, new double[] {value})
                : advance(startMillis, timeMillis, new double[] {value}, 0);
    }

    /** A gauge sample. Returns false for a value that is not finite or a time older than the last sample. */
    public synchronized boolean addGauge(long timeMillis, double value) {
        if (!Double.isFinite(value) || (lastTime != NONE && timeMillis < lastTime)) return false;
        store(timeMillis, new double[] {value}, null);
        return true;
    }

    /**
     * An explicit-bucket histogram point ({@code counts.length == bounds.length + 1}), cumulative
     * or delta like {@link #addCounter}. New bounds start the series over.
     */
    public synchronized boolean addHistogram(long startMillis, long timeMillis, double[] bounds, long[] counts,
                                             double sum, boolean delta) {
        if (counts.length != bounds.length + 1 || !Double.isFinite(sum)) return false;
        if (explicitBounds == null || !Arrays.equals(explicitBounds, bounds)) {
            if (explicitBounds != null || exponential != null) startOver();
            layoutExplicit(bounds.clone());
            journal.layout(this, explicitBounds, null);
        }
        double[] raw = new double[bounds.length + 3];
        raw[0] = sum;
        long count = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) return false;
            raw[ExponentialLayout.HEAD + i] = counts[i];
            count += counts[i];
        }
        raw[1] = count;
        return delta ? accumulate(startMillis, timeMillis, raw) : advance(startMillis, timeMillis, raw, 1);
    }

    /**
     * An exponential histogram point at {@code scale}: {@code counts[k]} is bucket
     * {@code offset + k}; zero and negative values count into the lowest stored bucket. Scales
     * finer than the store's maximum are merged down to it.
     */
    public synchronized boolean addExponentialHistogram(long startMillis, long timeMillis, int scale, long zeroCount,
                                                        int offset, long[] counts, long negativeCount, double sum,
                                                        boolean delta) {
        if (!Double.isFinite(sum) || zeroCount < 0 || negativeCount < 0) return false;
        if (explicitBounds != null) startOver();
        int target = Math.min(scale, maxExponentialScale);
        if (exponential != null) target = Math.min(target, exponential.scale());
        int shift = scale - target;
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 0) return false;
            if (counts[k] > 0) {
                lo = Math.min(lo, (offset + k) >> shift);
                hi = Math.max(hi, (offset + k) >> shift);
            }
        }
        ExponentialLayout want = fit(target, lo, hi);
        if (!want.equals(exponential)) {
            if (exponential != null) relayout(want);
            else layoutExponential(want);
            journal.layout(this, null, exponential);
        }
        double[] raw = new double[exponential.stride()];
        raw[0] = sum;
        raw[ExponentialLayout.HEAD] = zeroCount + negativeCount;
        long count = zeroCount + negativeCount;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                raw[exponential.position((offset + k) >> shift)] += counts[k];
                count += counts[k];
            }
        }
        raw[1] = count;
        return delta ? accumulate(startMillis, timeMillis, raw) : advance(startMillis, timeMillis, raw, 1);
    }

    /** The smallest layout at {@code scale} that covers both the stored range and {@code [lo, hi]}. */
    private ExponentialLayout fit(int scale, int lo, int hi) {
        if (exponential == null) {
            return lo > hi ? new ExponentialLayout(scale, 0, 0) : new ExponentialLayout(scale, lo, hi);
        }
        int shift = exponential.scale() - scale;
        int storedLo = exponential.lo() >> shift, storedHi = exponential.hi() >> shift;
        return lo > hi ? new ExponentialLayout(scale, storedLo, storedHi)
                : new ExponentialLayout(scale, Math.min(lo, storedLo), Math.max(hi, storedHi));
    }

    /** Cumulative point: the growth since the last one (or all of it after a reset) adds to the totals. */
    private boolean advance(long start, long time, double[] raw, int resetIndex) {
        if (lastTime == NONE) {
            if (start > 0 && start <= time && time - start <= FRESH_RUN_MILLIS) {
                store(baselineTime(start, time), new double[raw.length], raw);
            }
            runStart = start;
            store(time, raw.clone(), raw);
            return true;
        }
        if (time < lastTime) return false;
        boolean reset = raw[resetIndex] < lastRaw[resetIndex] || (start != 0 && runStart != 0 && start != runStart);
        double[] total = last.clone();
        if (reset) {
            if (start > lastTime && start < time) store(start, total.clone(), lastRaw);
            for (int i = 0; i < total.length; i++) total[i] += raw[i];
            runStart = start;
        } else {
            for (int i = 0; i < total.length; i++) total[i] += raw[i] - lastRaw[i];
        }
        store(time, total, raw);
        return true;
    }

    /** Where a run's zero goes: its start, or just before its first point when both fall in one millisecond. */
    private static long baselineTime(long start, long time) {
        return Math.min(start, time - 1);
    }

    /** Delta point: adds to the totals; a late one lands on the newest sample. */
    private boolean accumulate(long start, long time, double[] delta) {
        double[] total;
        if (lastTime == NONE) {
            if (start > 0 && start <= time) store(baselineTime(start, time), new double[delta.length], delta);
            total = delta.clone();
        } else {
            total = last.clone();
            for (int i = 0; i < total.length; i++) total[i] += delta[i];
            time = Math.max(time, lastTime);
        }
        store(time, total, delta);
        return true;
    }

    private void store(long time, double[] resolved, double[] raw) {
        append(time, resolved);
        lastRaw = raw;
        journal.sample(this, time, resolved, raw, runStart);
    }

    /**
     * Adds a sample to the first tier. A coarser tier only changes when a sample leaves one of
     * its buckets: the finished bucket's slot is then summarised from the next finer tier, so a
     * sample touches one ring, not all of them (the open bucket is always in the finer tiers).
     */
    private void append(long time, double[] resolved) {
        long previous = lastTime;
        SlotRing raw = tiers[0];
        int offset = raw.slotFor(time);
        double[] v = raw.values();
        if (series.kind() == MetricKind.GAUGE) {
            double x = resolved[0];
            if (offset < 0) {
                offset = -offset - 1;
                v[offset] = x; v[offset + 1] = x; v[offset + 2] = x; v[offset + 3] = x; v[offset + 4] = 1;
            } else {
                v[offset] = x;
                v[offset + 1] = Math.min(v[offset + 1], x);
                v[offset + 2] = Math.max(v[offset + 2], x);
                v[offset + 3] += x;
                v[offset + 4] += 1;
            }
        } else {
            System.arraycopy(resolved, 0, v, offset < 0 ? -offset - 1 : offset, resolved.length);
        }
        last = resolved;
        lastTime = time;
        if (previous == NONE) return;
        for (int k = 1; k < tiers.length; k++) {
            long resolution = tiers[k].resolution();
            long bucket = Math.floorDiv(previous, resolution);
            if (bucket == Math.floorDiv(time, resolution)) break; // coarser buckets nest: none of them closed either
            close(k, bucket * resolution, bucket * resolution + resolution);
        }
    }

    /** Writes tier {@code k}'s slot for the bucket {@code [from, to)} from tier {@code k - 1}'s slots in it. */
    private void close(int k, long from, long to) {
        SlotRing source = tiers[k - 1];
        int end = source.lastAtOrBefore(to - 1);
        if (end < 0 || source.time(end) < from) return;
        double[] v = source.values();
        SlotRing target = tiers[k];
        int stride = source.stride();
        int at = target.slotFor(source.time(end));
        at = at < 0 ? -at - 1 : at;
        double[] out = target.values();
        System.arraycopy(v, source.offset(end), out, at, stride);
        if (series.kind() == MetricKind.GAUGE) {
            for (int i = end - 1; i >= 0 && source.time(i) >= from; i--) {
                int o = source.offset(i);
                out[at + 1] = Math.min(out[at + 1], v[o + 1]);
                out[at + 2] = Math.max(out[at + 2], v[o + 2]);
                out[at + 3] += v[o + 3];
                out[at + 4] += v[o + 4];
            }
        }
    }

    private void layoutExplicit(double[] bounds) {
        explicitBounds = bounds;
        exponential = null;
        for (SlotRing ring : tiers) ring.restride(bounds.length + 3, new int[0]);
    }

    private void layoutExponential(ExponentialLayout layout) {
        exponential = layout;
        explicitBounds = null;
        for (SlotRing ring : tiers) ring.restride(layout.stride(), new int[0]);
    }

    private void relayout(ExponentialLayout next) {
        int[] map = exponential.mapTo(next);
        for (SlotRing ring : tiers) ring.restride(next.stride(), map);
        last = remap(last, map, next.stride());
        lastRaw = remap(lastRaw, map, next.stride());
        exponential = next;
    }

    private static double[] remap(double[] values, int[] map, int stride) {
        if (values == null) return null;
        double[] out = new double[stride];
        for (int j = 0; j < values.length; j++) out[map[j]] += values[j];
        return out;
    }

    private void startOver() {
        for (SlotRing ring : tiers) ring.clear();
        lastTime = NONE;
        last = null;
        lastRaw = null;
        runStart = 0;
    }

    // ---- replay (persistence) ---------------------------------------------------------------

    /** Re-applies a journaled layout; an exponential one only ever widens what is stored. */
    synchronized void restoreLayout(double[] bounds, ExponentialLayout layout) {
        if (layout != null) {
            if (exponential != null) {
                int scale = Math.min(layout.scale(), exponential.scale());
                int shift = layout.scale() - scale;
                ExponentialLayout union = fit(scale, layout.lo() >> shift, layout.hi() >> shift);
                if (!union.equals(exponential)) relayout(union);
            } else {
                if (explicitBounds != null) startOver();
                layoutExponential(layout);
            }
        } else if (!Arrays.equals(bounds, explicitBounds)) {
            if (explicitBounds != null || exponential != null) startOver();
            layoutExplicit(bounds);
        }
    }

    /** Re-applies a journaled sample; samples the series already holds are skipped, so replay is idempotent. */
    synchronized void restore(long time, double[] resolved, double[] raw, long start) {
        if (lastTime != NONE && (time < lastTime || (time == lastTime && series.kind() == MetricKind.GAUGE))) return;
        if (series.kind() == MetricKind.HISTOGRAM && resolved.length != tiers[0].stride()) return;
        append(time, resolved);
        lastRaw = raw;
        runStart = start;
    }

    synchronized void journal(Journal journal) {
        this.journal = journal;
    }

    /** Writes the whole state, for a snapshot. */
    synchronized void write(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(id);
        writeString(out, series.metric());
        out.writeByte(series.kind().ordinal());
        out.writeInt(series.labels().map().size());
        for (var e : series.labels().map().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        if (exponential != null) {
            out.writeByte(2);
            out.writeInt(exponential.scale());
            out.writeInt(exponential.lo());
            out.writeInt(exponential.hi());
        } else if (explicitBounds != null) {
            out.writeByte(1);
            writeDoubles(out, explicitBounds);
        } else {
            out.writeByte(0);
        }
        out.writeLong(lastTime);
        out.writeLong(runStart);
        writeDoubles(out, last);
        writeDoubles(out, lastRaw);
        for (SlotRing ring : tiers) ring.write(out);
    }

    /** Reads what {@link #write} wrote; the caller has read the id and the series' identity. */
    synchronized void read(java.io.DataInput in) throws java.io.IOException {
        switch (in.readByte()) {
            case 2 -> exponential = new ExponentialLayout(in.readInt(), in.readInt(), in.readInt());
            case 1 -> explicitBounds = readDoubles(in);
            default -> { }
        }
        lastTime = in.readLong();
        runStart = in.readLong();
        last = readDoubles(in);
        lastRaw = readDoubles(in);
        for (SlotRing ring : tiers) ring.read(in);
    }

    static void writeString(java.io.DataOutput out, String s) throws java.io.IOException {
        byte[] utf = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf.length);
        out.write(utf);
    }

    static String readString(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0 || n > LogFormat.MAX_PAYLOAD) throw new java.io.IOException("bad string length " + n);
        byte[] utf = new byte[n];
        in.readFully(utf);
        return new String(utf, java.nio.charset.StandardCharsets.UTF_8);
    }

    static void writeDoubles(java.io.DataOutput out, double[] values) throws java.io.IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (double v : values) out.writeDouble(v);
    }

    static double[] readDoubles(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        if (n < -1 || n > 1 << 16) throw new java.io.IOException("bad array length " + n);
        if (n == -1) return null;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = in.readDouble();
        return values;
    }

    // ---- read side --------------------------------------------------------------------------

    /** Time of the newest sample, or Long.MIN_VALUE before the first. */
    public synchronized long lastTime() {
        return lastTime;
    }

    /** Drops slots that have aged out of every tier by {@code nowMillis}; true when nothing recent is left. */
    synchronized boolean expire(long nowMillis, List<Tier> specs) {
        for (int i = 0; i < tiers.length; i++) tiers[i].evictBefore(nowMillis - specs.get(i).retention().toMillis());
        return lastTime != NONE && lastTime < nowMillis - specs.get(specs.size() - 1).retention().toMillis();
    }

    synchronized long bytes() {
        long b = 96;
        for (SlotRing ring : tiers) b += ring.bytes();
        return b;
    }

    /** Difference of the totals at the window's ends; null without a sample in the window and one before it. */
    synchronized double[] increase(long from, long to) {
        SlotRing endRing = reaching(to);
        int end = endRing.lastAtOrBefore(to);
        if (end < 0 || endRing.time(end) <= from) return null;
        SlotRing startRing = reaching(from);
        int start = startRing.lastAtOrBefore(from);
        if (start < 0) {
            start = 0; // the series began inside the window: its first sample is the baseline
            if (startRing.size() == 0 || startRing.time(0) >= endRing.time(end)) return null;
        }
        double[] a = endRing.values(), b = startRing.values();
        int ao = endRing.offset(end), bo = startRing.offset(start);
        double[] out = new double[endRing.stride()];
        for (int i = 0; i < out.length; i++) out[i] = Math.max(0, a[ao + i] - b[bo + i]);
        out[0] = a[ao] - b[bo]; // a histogram's sum may shrink with negative observations
        return out;
    }

    synchronized double[] bounds() {
        return explicitBounds != null ? explicitBounds.clone() : exponential != null ? exponential.bounds() : new double[0];
    }

    /** last, lastTime, min, max, sum, count of the gauge slots in the window; null without one. */
    synchronized GaugeWindow gauge(long from, long to) {
        SlotRing ring = reaching(from + 1);
        int i = ring.lastAtOrBefore(from) + 1;
        int end = ring.lastAtOrBefore(to);
        if (i > end) return null;
        double[] v = ring.values();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, count = 0;
        for (int k = i; k <= end; k++) {
            int o = ring.offset(k);
            min = Math.min(min, v[o + 1]);
            max = Math.max(max, v[o + 2]);
            sum += v[o + 3];
            count += v[o + 4];
        }
        int o = ring.offset(end);
        return new GaugeWindow(v[o], ring.time(end), min, max, sum / count, (int) count);
    }

    /** The finest tier that still reaches back to {@code t}, else the coarsest. */
    private SlotRing reaching(long t) {
        for (SlotRing ring : tiers) if (ring.reaches(t)) return ring;
        return tiers[tiers.length - 1];
    }
}
