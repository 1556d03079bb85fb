package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;

/** After {@code KafkaConsumer.close(...)}: its lag is no longer read, and no longer exported. */
public final class CloseAdvice {
    private CloseAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object consumer, @Advice.Thrown Throwable thrown) {
        KafkaHook.get().closed(consumer, thrown);
    }
}
