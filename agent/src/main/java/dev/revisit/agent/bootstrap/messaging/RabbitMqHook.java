package dev.revisit.agent.bootstrap.messaging;

/**
 * What advice in the RabbitMQ Java client ({@code com.rabbitmq.client.impl.ChannelN},
 * {@code ConsumerDispatcher}) calls; no-op until the agent installs the real hook. The advice
 * passes the client's own objects as {@code Object} (channels, message properties, responses):
 * the client is loaded by the application's class loader, which the agent cannot name.
 */
public abstract class RabbitMqHook {
    private static volatile RabbitMqHook current = new RabbitMqHook() {};

    public static RabbitMqHook get() {
        return current;
    }

    public static void install(RabbitMqHook hook) {
        current = hook;
    }

    /** {@code basicConsume} was entered: {@code consumer} will read {@code queue} if the broker accepts (its first delivery may beat the return). */
    public void subscribing(String queue, Object consumer) {}

    /** {@code basicConsume} on {@code channel} returned (the broker accepted it): deliveries for {@code consumerTag} come from {@code queue}. */
    public void consuming(Object channel, String queue, String consumerTag) {}

    /** A push delivery arrived for {@code consumer} under {@code consumerTag}, with its {@code BasicProperties} (may be null). */
    public void delivered(Object consumer, String consumerTag, Object properties) {}

    /** {@code basicGet(queue)} on {@code channel} returned {@code response} (a {@code GetResponse}, null when the queue was empty). */
    public void got(Object channel, String queue, Object response) {}

    /** A queue declare (passive or not) on {@code channel} answered: {@code ok} is the {@code Queue.DeclareOk} with the ready message count. */
    public void declared(Object channel, Object ok) {}

    /** Whether this thread is the agent's own depth probe's: a declare on it is the probe's reading, which the probe reports itself. */
    public boolean probing() {
        return false;
    }

    /** Whether outgoing messages without a timestamp get one (opt-in). */
    public boolean stampOutgoing() {
        return false;
    }

    /** {@code properties} (may be null) with a timestamp: the same object when it has one, else a stamped copy. */
    public Object stamped(Object channel, Object properties) {
        return properties;
    }
}
