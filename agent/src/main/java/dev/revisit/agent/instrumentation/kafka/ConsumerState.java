package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.Destination;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent knows about one consumer: its group, a destination per topic, and the
 * client's own per-partition lag metrics. Everything but {@link #lags} and {@link #scanWanted} is
 * touched only on the consumer's thread (a Kafka consumer is single-threaded); the export thread
 * reads {@link #lags}, a metric removal may happen on the client's background thread.
 */
final class ConsumerState {
    final WeakReference<Object> consumer;
    final String group;
    final Map<String, Topic> topics = new HashMap<>();
    volatile List<LagBridge.Reading> lags = List.of();
    long lastScanNanos;
    /** Set on the consumer's thread, and on any thread that removed one of its lag metrics. */
    volatile boolean scanWanted = true;

    ConsumerState(Object consumer, String group) {
        this.consumer = new WeakReference<>(consumer);
        this.group = group;
    }

    /** One topic as this consumer reads it; which partitions' lag metrics were looked for. */
    static final class Topic {
        final Destination destination;
        private long partitionsSeen;

        Topic(Destination destination) {
            this.destination = destination;
        }

        /** @return true the first time a partition (below 64) shows up */
        boolean firstSight(int partition) {
            if (partition < 0 || partition >= 64) {
                return false;
            }
            long bit = 1L << partition;
            boolean first = (partitionsSeen & bit) == 0;
            partitionsSeen |= bit;
            return first;
        }
    }
}
