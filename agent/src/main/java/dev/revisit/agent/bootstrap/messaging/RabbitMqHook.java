package dev.revisit.agent.bootstrap.messaging;

/**
 * What advice in the RabbitMQ Java client ({@code com.rabbitmq.client.impl.ChannelN},
 * {@code ConsumerDispatcher}) calls; no-op until the agent installs the real hook. The advice
 * reads the client's own objects and passes plain values: a {@code java.util.Date} timestamp
 * and the headers {@code Map}, both as the message already holds them.
 */
public abstract class RabbitMqHook {
    private static volatile RabbitMqHook current = new RabbitMqHook() {};

    public static RabbitMqHook get() {
        return current;
    }

    public static void install(RabbitMqHook hook) {
        current = hook;
    }

    /** {@code basicConsume} was entered: {@code consumer} will read {@code queue} (its first delivery may beat the return). */
    public void subscribing(String queue, Object consumer) {}

    /** {@code basicConsume} returned: deliveries for {@code consumerTag} come from {@code queue}. */
    public void consuming(String queue, String consumerTag) {}

    /** A push delivery arrived for {@code consumer} under {@code consumerTag}; timestamp and headers may be null. */
    public void delivered(Object consumer, String consumerTag, Object timestamp, Object headers) {}

    /** {@code basicGet(queue)} returned a message ({@code messageCount} more ready), or none when {@code got} is false. */
    public void got(String queue, boolean got, long messageCount, Object timestamp, Object headers) {}

    /** A queue declare (passive or not) answered with the queue's ready message count. */
    public void declared(String queue, long messageCount) {}

    /** Whether outgoing messages without a timestamp get one (opt-in). */
    public boolean stampOutgoing() {
        return false;
    }
}
