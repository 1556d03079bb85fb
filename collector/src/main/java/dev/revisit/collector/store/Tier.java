package dev.revisit.collector.store;

import java.time.Duration;

/**
 * One resolution of the store: the last sample of every {@code resolution}-long bucket is kept
 * for {@code retention} (the first tier keeps every sample, up to the same number of slots).
 * A series holds at most {@link #maxSlots()} slots in this tier.
 */
public record Tier(Duration resolution, Duration retention) {

    public Tier {
        if (resolution.toMillis() <= 0 || retention.compareTo(resolution) < 0) {
            throw new IllegalArgumentException("tier needs 0 < resolution <= retention: " + resolution + ", " + retention);
        }
    }

    /**
     * Slots one series can hold in this tier: the buckets of the retention, an eighth more so
     * that expired slots are dropped in batches rather than one per sample (which would touch
     * the ring's far end every time), one straddling the retention's start and one open.
     */
    public int maxSlots() {
        long buckets = retention.toMillis() / resolution.toMillis();
        return (int) (buckets + buckets / 8 + 2);
    }
}
