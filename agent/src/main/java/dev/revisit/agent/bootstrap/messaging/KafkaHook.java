package dev.revisit.agent.bootstrap.messaging;

/**
 * What advice in {@code org.apache.kafka.clients.consumer.KafkaConsumer} and
 * {@code org.apache.kafka.common.metrics.Metrics} calls; no-op until the agent installs the real
 * hook. The advice passes the client's objects as {@code Object}: the client is loaded by the
 * application's class loader, which the agent cannot name.
 */
public abstract class KafkaHook {
    private static volatile KafkaHook current = new KafkaHook() {};

    public static KafkaHook get() {
        return current;
    }

    public static void install(KafkaHook hook) {
        current = hook;
    }

    /** {@code poll} returned {@code records} (a {@code ConsumerRecords}, maybe empty), on the consumer's own thread. */
    public void polled(Object consumer, Object records) {}

    /**
     * {@code close()} returned or threw {@code thrown}; a {@code ConcurrentModificationException}
     * means another thread was using the consumer and it was not closed.
     */
    public void closed(Object consumer, Throwable thrown) {}

    /**
     * A Kafka client (any: consumer, producer, admin) removed {@code metric} (a {@code KafkaMetric})
     * from its registry — for a consumer's {@code records-lag}, because the partition was
     * unassigned. Called with the registry's lock held, on whichever thread removed it.
     */
    public void metricRemoved(Object metric) {}
}
