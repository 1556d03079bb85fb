package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.recorder.GaugeSeries;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On the export thread: the lag gauges from the readings of the consumers still open, and only
 * those. A series no live reading feeds any more — its consumer closed or was collected, or the
 * client removed the partition's metric because the partition went to another consumer — is
 * cleared, so it stops claiming its last value. Two consumers of this JVM may feed one series (a
 * partition moving between them, the old owner's metric not yet removed): the larger counts, as
 * the collector counts a partition across instances.
 */
final class LagGauges {
    /** What the previous collection set; only the export thread touches it (collection is serialized). */
    private Set<GaugeSeries> exported = Set.of();

    void publish(List<ConsumerState> open) {
        Map<GaugeSeries, Double> now = new IdentityHashMap<>();
        for (ConsumerState state : open) {
            for (LagBridge.Reading reading : state.lags) {
                double value = reading.value();
                if (!Double.isNaN(value)) {
                    now.merge(reading.gauge, value, Math::max);
                }
            }
        }
        now.forEach(GaugeSeries::set);
        for (GaugeSeries gone : exported) {
            if (!now.containsKey(gone)) {
                gone.clear();
            }
        }
        Set<GaugeSeries> current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(now.keySet());
        exported = current;
    }
}
