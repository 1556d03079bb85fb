package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;

/** Around {@code KafkaConsumer.close(...)}: its lag is read a last time, then no longer. */
public final class CloseAdvice {
    private CloseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object consumer) {
        KafkaHook.get().closing(consumer);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object consumer, @Advice.Thrown Throwable thrown) {
        KafkaHook.get().closed(consumer, thrown);
    }
}
