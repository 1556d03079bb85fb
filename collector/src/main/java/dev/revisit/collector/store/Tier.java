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

    /** Slots one series can hold in this tier: the buckets of the retention, one straddling its start, one open. */
    public int maxSlots() {
        return (int) (retention.toMillis() / resolution.toMillis()) + 2;
    }
}
