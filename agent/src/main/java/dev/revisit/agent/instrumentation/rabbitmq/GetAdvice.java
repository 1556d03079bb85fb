package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ChannelN.basicGet(queue, autoAck)}: a pulled message (or none), and how many remain ready. */
public final class GetAdvice {
    private GetAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Argument(0) String queue,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response) {
        RabbitMqHook.get().got(channel, queue, response);
    }
}
