package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;

/** On a pool's constructor: remember who built it. */
public final class PoolCreatedAdvice {
    private PoolCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object executor) {
        ExecutorHook.get().created(executor);
    }
}
