package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;

/** On {@code ChannelN.basicConsume(queue, ..., consumer)}: which queue a consumer tag reads. */
public final class ConsumeAdvice {
    private ConsumeAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(0) String queue, @Advice.Return String consumerTag) {
        RabbitMqHook.get().consuming(queue, consumerTag);
    }
}
