package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ChannelN.basicConsume(queue, ..., consumer)}: which queue a consumer tag reads. */
public final class ConsumeAdvice {
    private ConsumeAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) String queue, @Advice.Argument(value = 6, typing = Assigner.Typing.DYNAMIC) Object consumer) {
        RabbitMqHook.get().subscribing(queue, consumer);
    }

    /** Not on a throw: a consume the broker refused (403) reads nothing. */
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Argument(0) String queue, @Advice.Return String consumerTag) {
        RabbitMqHook.get().consuming(channel, queue, consumerTag);
    }
}
