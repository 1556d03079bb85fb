package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ConsumerDispatcher.handleDelivery}: a push delivery reached the client, before the consumer runs. */
public final class DeliveryAdvice {
    private DeliveryAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object consumer,
                      @Advice.Argument(1) String consumerTag,
                      @Advice.Argument(value = 3, typing = Assigner.Typing.DYNAMIC) Object properties) {
        RabbitMqHook.get().delivered(consumer, consumerTag, properties);
    }
}
