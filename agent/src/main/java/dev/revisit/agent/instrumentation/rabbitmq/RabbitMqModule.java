package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The RabbitMQ Java client (5.x): delivery delay from each message's {@code timestamp}
 * (or the {@code timestamp_in_ms} header), consumed counts, and queue depth from the
 * application's own {@code basicGet} and queue declares. Advice goes into the client's
 * {@code ChannelN} only, so an auto-recovering channel (which delegates to it) counts once.
 * {@code revisit.rabbitmq.stamp=true} stamps outgoing messages that carry no timestamp;
 * {@code revisit.rabbitmq.depth.probe.interval.ms} &gt; 0 starts the {@link DepthProbe}. The advice
 * names no client type, so the client may live in any class loader.
 */
public final class RabbitMqModule implements InstrumentationModule {
    static final String PROBE_INTERVAL = "revisit.rabbitmq.depth.probe.interval.ms";
    private static final String CHANNEL = "com.rabbitmq.client.impl.ChannelN";

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public void start(ModuleContext context) {
        RabbitMqHook.install(new RabbitMqMetrics(new MessagingMetrics(context.recorder()), context.recorder(),
                context.config().getBoolean("revisit.rabbitmq.stamp", false),
                context.config().getLong(PROBE_INTERVAL, 0L, 0L, 3_600_000L)));
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.type(named(CHANNEL), named("basicConsume").and(takesArguments(7))
                                .and(takesArgument(6, named("com.rabbitmq.client.Consumer"))), ConsumeAdvice.class)
                .type(named("com.rabbitmq.client.impl.ConsumerDispatcher"), named("handleDelivery").and(takesArguments(5)), DeliveryAdvice.class)
                .type(named(CHANNEL), named("basicGet").and(takesArguments(2)), GetAdvice.class)
                .type(named(CHANNEL), named("queueDeclare").and(takesArguments(5))
                        .or(named("queueDeclarePassive").and(takesArguments(1))), DeclareAdvice.class)
                .type(named(CHANNEL), named("basicPublish").and(takesArguments(6)).and(takesArgument(5, byte[].class)), StampAdvice.class);
    }
}
