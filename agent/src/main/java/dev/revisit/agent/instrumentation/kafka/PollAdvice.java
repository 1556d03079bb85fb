package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code KafkaConsumer.poll(Duration)} returning: the batch, for its counts, delays and the lag scan. */
public final class PollAdvice {
    private PollAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object consumer, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object records) {
        KafkaHook.get().polled(consumer, records);
    }
}
