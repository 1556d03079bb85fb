package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code LocalCache.statsAware(mappingFunction, recordLoad)}, which Caffeine calls when a
 * read has to load. With statistics on it wraps the function in one that reports the miss; with
 * them off (most applications) it hands the function back unwrapped and reports nothing, so the
 * miss is counted here instead.
 */
public final class CaffeineLoadAdvice {
    private CaffeineLoadAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object mappingFunction,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object used) {
        if (used == mappingFunction) {
            CacheHook.get().libraryMisses(1);
        }
    }
}
