package dev.revisit.agent.instrumentation.guava;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/** On the constructor of Guava's {@code LocalCache}: names it after the application code that built it. */
public final class GuavaCreatedAdvice {
    private GuavaCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object cache) {
        CacheHook.get().created("guava", cache);
    }
}
