package io.nats.client.impl;

import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;

/**
 * The bench's way into jnats' package-private receive path, without a server: a pull
 * subscription's message manager, and JetStream messages built by the client's own factory
 * from the reply subject a server sends (which carries the metadata).
 */
public final class HandOff {
    private HandOff() {}

    /** A durable pull subscription's manager, as {@code JetStream.subscribe} makes one (no connection needed to manage messages). */
    public static Object manager() {
        return new PullMessageManager(null, PullSubscribeOptions.builder().durable("bench").build(), true);
    }

    /** Message {@code sequence} of stream {@code orders}, stored at {@code storedEpochNanos}, with {@code pending} more behind it. */
    public static Message message(long sequence, long storedEpochNanos, long pending) {
        String replyTo = "$JS.ACK.orders.bench.1." + sequence + "." + sequence + "." + storedEpochNanos + "." + pending;
        IncomingMessageFactory factory = new IncomingMessageFactory("1", "orders.created", replyTo, 80, false);
        factory.setData(new byte[16]);
        return factory.getMessage();
    }

    /** What a subscription does with each message before the application gets it; true when it is handed over. */
    public static boolean handOff(Object manager, Message message) {
        return ((MessageManager) manager).manage(message) == MessageManager.ManageResult.MESSAGE;
    }
}
