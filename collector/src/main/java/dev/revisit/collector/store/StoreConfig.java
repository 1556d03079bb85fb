package dev.revisit.collector.store;

import java.time.Duration;
import java.util.List;

/**
 * How much the embedded store keeps. Tiers go from fine to coarse; a query reads each end of its
 * window from the finest tier that still reaches back to it. See docs/store.md for the memory
 * formula these numbers feed.
 *
 * @param tiers            from the finest to the coarsest resolution
 * @param maxSeries        series past this cap are rejected (counted, reported to the sender)
 * @param maxExponentialScale exponential histograms finer than this are merged down to it
 */
public record StoreConfig(List<Tier> tiers, int maxSeries, int maxExponentialScale) {

    /** 10 s for 2 h, 5 min for 3 d, 1 h for 30 d; 100,000 series; exponential scale 2 (buckets 19 % wide). */
    public static final StoreConfig DEFAULT = new StoreConfig(List.of(
            new Tier(Duration.ofSeconds(10), Duration.ofHours(2)),
            new Tier(Duration.ofMinutes(5), Duration.ofDays(3)),
            new Tier(Duration.ofHours(1), Duration.ofDays(30))),
            100_000, 2);

    public StoreConfig {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) throw new IllegalArgumentException("at least one tier");
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).resolution().toMillis() % tiers.get(i - 1).resolution().toMillis() != 0
                    || tiers.get(i).retention().compareTo(tiers.get(i - 1).retention()) < 0) {
                throw new IllegalArgumentException("tiers must go from fine and short to coarse and long, each resolution a multiple of the previous");
            }
        }
        if (maxSeries <= 0) throw new IllegalArgumentException("maxSeries must be positive");
        if (maxExponentialScale < -10 || maxExponentialScale > 20) throw new IllegalArgumentException("maxExponentialScale out of [-10, 20]");
    }

    public StoreConfig withMaxSeries(int max) {
        return new StoreConfig(tiers, max, maxExponentialScale);
    }
}
