package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.bootstrap.messaging.NatsHook;
import net.bytebuddy.asm.Advice;

/**
 * On {@code MessageManager.shutdown()}: the client shuts a JetStream subscription's manager down
 * when the subscription is invalidated — unsubscribed, drained to its end, or closed with its
 * connection — and at no other time. Names no client type.
 */
public final class EndedAdvice {
    private EndedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object manager) {
        NatsHook.get().ended(manager);
    }
}
