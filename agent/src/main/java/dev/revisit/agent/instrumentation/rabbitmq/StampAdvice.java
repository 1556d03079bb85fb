package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code ChannelN.basicPublish(exchange, key, mandatory, immediate, props, body)}, opt-in
 * ({@code revisit.rabbitmq.stamp}): a message without a {@code timestamp} gets the publish time,
 * so consumers can measure delay. Allocates a properties copy per unstamped message.
 */
public final class StampAdvice {
    private StampAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object channel,
                      @Advice.Argument(value = 4, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object properties) {
        RabbitMqHook hook = RabbitMqHook.get();
        if (hook.stampOutgoing()) {
            properties = hook.stamped(channel, properties);
        }
    }
}
