package dev.revisit.collector.store;

/**
 * Receives every change to the store, in order per series, while the series is locked: the
 * persistence log writes them down and replays them through {@link StoredSeries}'s restore methods.
 */
interface Journal {

    Journal NONE = new Journal() {
        @Override public void defined(StoredSeries series) {}
        @Override public void layout(StoredSeries series, double[] explicitBounds, ExponentialLayout exponential) {}
        @Override public void sample(StoredSeries series, long time, double[] resolved, double[] raw, long runStart) {}
    };

    /** A new series got its id. */
    void defined(StoredSeries series);

    /** A histogram series changed its bucket layout: one of the two arguments is null. */
    void layout(StoredSeries series, double[] explicitBounds, ExponentialLayout exponential);

    /**
     * A sample was stored: {@code resolved} is what the tiers keep (a counter's reset-adjusted
     * total, a gauge's value, a histogram's sum, count and bucket totals), {@code raw} what the
     * sender last reported in the current run (null for gauges), {@code runStart} that run's start.
     */
    void sample(StoredSeries series, long time, double[] resolved, double[] raw, long runStart);
}
