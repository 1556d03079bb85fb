package dev.revisit.agent.bootstrap.messaging;

/**
 * What advice in {@code org.apache.kafka.clients.consumer.KafkaConsumer} calls; no-op until the
 * agent installs the real hook. Called on the consumer's own thread (a consumer is
 * single-threaded), once per poll, once per partition in the poll, and once per record.
 */
public abstract class KafkaHook {
    private static volatile KafkaHook current = new KafkaHook() {};

    public static KafkaHook get() {
        return current;
    }

    public static void install(KafkaHook hook) {
        current = hook;
    }

    /** {@code poll} returned (with or without records). */
    public void polled(Object consumer) {}

    /**
     * {@code count} records of one partition came back from a poll.
     * @return the handle to pass to {@link #record} for each of them; may be null
     */
    public Object partition(Object consumer, String topic, int partition, int count) {
        return null;
    }

    /** One record of that partition, with its timestamp (epoch ms, negative when it has none). */
    public void record(Object partitionHandle, long timestampMillis, long nowMillis) {}

    /** {@code close()} was called: stop reading its metrics. */
    public void closed(Object consumer) {}
}
