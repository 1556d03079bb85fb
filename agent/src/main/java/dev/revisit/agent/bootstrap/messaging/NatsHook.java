package dev.revisit.agent.bootstrap.messaging;

import java.time.ZonedDateTime;

/**
 * What advice in the NATS Java client ({@code io.nats.client.impl.MessageManager}) calls; no-op
 * until the agent installs the real hook. Called once per JetStream message the client hands to
 * the application (pull, push, ordered, simplified API alike), on the thread that receives it.
 */
public abstract class NatsHook {
    private static volatile NatsHook current = new NatsHook() {};

    public static NatsHook get() {
        return current;
    }

    public static void install(NatsHook hook) {
        current = hook;
    }

    /**
     * A JetStream message of {@code stream} reached the application through the subscription
     * {@code manager} serves. {@code consumer} is the consumer's name when the application named
     * it (durable or named), null when the server or client made one up; {@code pending} is the
     * consumer's pending count as of this message (negative when the server did not send one);
     * {@code stored} is the server's store time as the client parsed it (converting it to epoch
     * ms is left to the hook, which can cache what messages of one day share).
     */
    public void delivered(Object manager, String stream, String consumer, long pending, ZonedDateTime stored) {}

    /**
     * The subscription {@code manager} serves ended: unsubscribed, drained, or its connection
     * closed (the client shuts the manager down in each case). On the thread that ended it.
     */
    public void ended(Object manager) {}
}
