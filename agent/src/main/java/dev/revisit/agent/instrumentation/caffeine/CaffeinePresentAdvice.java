package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code Cache.getIfPresent(key)} of the synchronous caches ({@code LocalManualCache}, so
 * {@code LoadingCache} too): Caffeine reports a hit exactly when it returns a value, so the
 * result is the verdict and, outside other reads, no frame is needed for the stats report.
 */
public final class CaffeinePresentAdvice {
    private CaffeinePresentAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache) {
        return CacheHook.get().enterByResult("caffeine", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object value,
                     @Advice.Thrown Throwable thrown) {
        CacheHook.get().exit(call, value != null, thrown);
    }
}
