package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ChannelN.queueDeclare/queueDeclarePassive}: the broker's answer carries the queue's depth. */
public final class DeclareAdvice {
    private DeclareAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object channel, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object ok) {
        if (ok != null) {
            RabbitMqHook hook = RabbitMqHook.get();
            if (!hook.probing()) {
                hook.declared(channel, ok);
            }
        }
    }
}
