package dev.revisit.collector.catalog;

import dev.revisit.collector.store.HistogramWindow;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Merging explicit-bucket histograms and reading quantiles from them. */
final class Histograms {

    private Histograms() {}

    static HistogramWindow scale(HistogramWindow window, double factor) {
        if (factor == 1.0) {
            return window;
        }
        double[] bounds = window.bounds().clone();
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] *= factor;
        }
        return new HistogramWindow(bounds, window.counts(), window.sum() * factor, window.count());
    }

    /**
     * Adds histograms bucket by bucket. Series with other bounds are re-bucketed onto the union of
     * all bounds: each union bound gets the series' cumulative count at its own largest bound not
     * above it, which never moves an observation to a lower bucket than it was recorded in.
     */
    static HistogramWindow merge(List<HistogramWindow> windows) {
        HistogramWindow first = windows.get(0);
        boolean sameBounds = true;
        for (HistogramWindow w : windows) {
            sameBounds &= Arrays.equals(w.bounds(), first.bounds());
        }
        double[] bounds = sameBounds ? first.bounds() : unionOfBounds(windows);
        long[] cumulative = new long[bounds.length + 1];
        double sum = 0;
        long count = 0;
        for (HistogramWindow w : windows) {
            addCumulative(w, bounds, cumulative);
            sum += w.sum();
            count += w.count();
        }
        long[] counts = new long[cumulative.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        return new HistogramWindow(bounds, counts, sum, count);
    }

    private static double[] unionOfBounds(List<HistogramWindow> windows) {
        TreeSet<Double> union = new TreeSet<>();
        for (HistogramWindow w : windows) {
            for (double b : w.bounds()) {
                union.add(b);
            }
        }
        return union.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void addCumulative(HistogramWindow w, double[] bounds, long[] cumulative) {
        long[] own = new long[w.counts().length];
        long running = 0;
        for (int i = 0; i < own.length; i++) {
            running += w.counts()[i];
            own[i] = running;
        }
        int j = -1; // index of the series' largest bound <= bounds[i]
        for (int i = 0; i < bounds.length; i++) {
            while (j + 1 < w.bounds().length && w.bounds()[j + 1] <= bounds[i]) {
                j++;
            }
            cumulative[i] += j < 0 ? 0 : own[j];
        }
        cumulative[bounds.length] += running;
    }

    /**
     * PromQL's {@code histogram_quantile}: find the bucket holding rank q·count and interpolate
     * linearly inside it; the first bucket starts at 0 (unless its bound is not positive), and a
     * rank in the overflow bucket returns the largest finite bound. NaN without observations or
     * without any finite bound.
     */
    static double quantile(double q, HistogramWindow h) {
        double[] bounds = h.bounds();
        long[] counts = h.counts();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0 || bounds.length == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        int b = 0;
        while (below + counts[b] < rank && b < counts.length - 1) {
            below += counts[b];
            b++;
        }
        if (b == bounds.length) {
            return bounds[bounds.length - 1];
        }
        if (b == 0 && bounds[0] <= 0) {
            return bounds[0];
        }
        double start = b == 0 ? 0 : bounds[b - 1];
        double end = bounds[b];
        return counts[b] == 0 ? end : start + (end - start) * (rank - below) / counts[b];
    }
}
