package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;

/** On {@code KafkaConsumer.close(...)}: its lag is no longer read. */
public final class CloseAdvice {
    private CloseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object consumer) {
        KafkaHook.get().closed(consumer);
    }
}
