package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/**
 * On the constructor of {@code BoundedLocalCache}, where Caffeine evicts: names it like the
 * cache built around it (same application frame), so evictions and reads share one name.
 */
public final class CaffeineStorageAdvice {
    private CaffeineStorageAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object storage) {
        CacheHook.get().created("caffeine", storage);
    }
}
