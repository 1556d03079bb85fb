package dev.revisit.testapp.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Put in front of the agent's RabbitMQ hook, which it hands everything on to: counts the queue
 * declares the agent's depth probe made (the advice asks whether it is probing) and those of its
 * declares the advice still handed to the hook as if the application had made them. Install it
 * once the agent's hook is in place (after a consume or get the probe saw).
 */
public final class ProbeDeclares extends RabbitMqHook {
    private static final String PROBE_THREAD = "revisit-rabbitmq-depth-probe";

    private final RabbitMqHook agent;
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger handedOn = new AtomicInteger();

    private ProbeDeclares(RabbitMqHook agent) {
        this.agent = agent;
    }

    public static ProbeDeclares install() {
        ProbeDeclares spy = new ProbeDeclares(RabbitMqHook.get());
        RabbitMqHook.install(spy);
        return spy;
    }

    /** {@code probe declares <made> <handed on as the application's>}. */
    public String summary() {
        return "probe declares " + made.get() + " " + handedOn.get();
    }

    @Override
    public boolean probing() {
        boolean probing = agent.probing();
        if (probing) {
            made.incrementAndGet();
        }
        return probing;
    }

    @Override
    public void declared(Object channel, Object ok) {
        if (Thread.currentThread().getName().equals(PROBE_THREAD)) {
            handedOn.incrementAndGet();
        }
        agent.declared(channel, ok);
    }

    @Override
    public void subscribing(String queue, Object consumer) {
        agent.subscribing(queue, consumer);
    }

    @Override
    public void consuming(Object channel, String queue, String consumerTag) {
        agent.consuming(channel, queue, consumerTag);
    }

    @Override
    public void delivered(Object consumer, String consumerTag, Object properties) {
        agent.delivered(consumer, consumerTag, properties);
    }

    @Override
    public void got(Object channel, String queue, Object response) {
        agent.got(channel, queue, response);
    }

    @Override
    public boolean stampOutgoing() {
        return agent.stampOutgoing();
    }

    @Override
    public Object stamped(Object channel, Object properties) {
        return agent.stamped(channel, properties);
    }
}
