package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ChannelN.basicConsume(queue, ..., consumer)}: which queue a consumer tag reads. */
public final class ConsumeAdvice {
    private ConsumeAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object channel, @Advice.Argument(0) String queue,
                      @Advice.Argument(value = 6, typing = Assigner.Typing.DYNAMIC) Object consumer) {
        RabbitMqHook.get().subscribing(channel, queue, consumer);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(0) String queue, @Advice.Return String consumerTag) {
        RabbitMqHook.get().consuming(queue, consumerTag);
    }
}
