package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.bootstrap.messaging.NatsHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * NATS JetStream consumers (jnats 2.x; tested 2.17.6 and 2.25.1): delivery delay, consumed
 * counts and lag from each message's JetStream metadata, at the one method every JetStream
 * subscription passes its messages through; a subscription's end at the method that shuts its
 * manager down. Switched by {@code revisit.instrumentation.nats.enabled}.
 */
public final class NatsModule implements InstrumentationModule {
    private static final String MANAGER = "io.nats.client.impl.MessageManager";

    @Override
    public String name() {
        return "nats";
    }

    @Override
    public void start(ModuleContext context) {
        NatsHook.install(new NatsMetrics(new MessagingMetrics(context.recorder()), context.recorder()));
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.type(named(MANAGER), named("trackJsMessage").and(takesArguments(1)), DeliveredAdvice.class)
                .type(named(MANAGER), named("shutdown").and(takesArguments(0)), EndedAdvice.class);
    }
}
