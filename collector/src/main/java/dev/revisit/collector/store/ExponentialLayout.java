package dev.revisit.collector.store;

/**
 * Where an exponential histogram's buckets live once stored with explicit bounds. At scale
 * {@code s} bucket {@code i} holds values in {@code (base^i, base^(i+1)]} with
 * {@code base = 2^(2^-s)}; a series keeps the index range {@code [lo, hi]} it has seen at one
 * scale, and stores, after {@code sum} and {@code count}, one bucket for zero and negative
 * values (everything at or below {@code base^lo}), the range's buckets, and an empty overflow
 * bucket so the layout follows the explicit-bucket convention (one more count than bounds).
 */
record ExponentialLayout(int scale, int lo, int hi) {

    /** Values before the buckets: sum, count. */
    static final int HEAD = 2;

    int buckets() {
        return hi - lo + 1;
    }

    /** Doubles per slot: sum, count, underflow, the range, overflow. */
    int stride() {
        return HEAD + buckets() + 2;
    }

    /** Slot position of bucket {@code index} (at this layout's scale). */
    int position(int index) {
        return HEAD + 1 + index - lo;
    }

    double[] bounds() {
        double[] bounds = new double[buckets() + 1];
        for (int i = 0; i < bounds.length; i++) bounds[i] = lowerBoundary(lo + i, scale);
        return bounds;
    }

    static double lowerBoundary(int index, int scale) {
        return Math.pow(2, Math.scalb((double) index, -scale));
    }

    /** Where each value of a slot laid out as {@code this} moves to in {@code next} (which covers it). */
    int[] mapTo(ExponentialLayout next) {
        int shift = scale - next.scale;
        int[] map = new int[stride()];
        map[0] = 0;
        map[1] = 1;
        map[HEAD] = HEAD;
        for (int i = lo; i <= hi; i++) map[position(i)] = next.position(i >> shift);
        map[stride() - 1] = next.stride() - 1;
        return map;
    }
}
