package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/**
 * On Caffeine's public read methods ({@code getIfPresent}, {@code get}, {@code getAll},
 * {@code getAllPresent} of every cache kind): hits and misses are what Caffeine reports to its
 * stats counter during the call, which it does whether or not {@code recordStats()} is on.
 */
public final class CaffeineReadAdvice {
    private CaffeineReadAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache) {
        return CacheHook.get().enter("caffeine", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call) {
        CacheHook.get().exitReported(call);
    }
}
