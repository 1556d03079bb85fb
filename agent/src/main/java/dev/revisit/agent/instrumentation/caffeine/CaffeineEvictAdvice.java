package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code BoundedLocalCache.evictEntry(node, cause, now)}: true when the entry was removed. */
public final class CaffeineEvictAdvice {
    private CaffeineEvictAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object storage,
                     @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object cause,
                     @Advice.Return boolean evicted) {
        if (evicted) {
            CacheHook.get().removed("caffeine", storage, cause);
        }
    }
}
