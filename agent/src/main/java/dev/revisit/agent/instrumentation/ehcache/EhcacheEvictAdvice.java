package dev.revisit.agent.instrumentation.ehcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/** On {@code OnHeapStore.evict(sink)}: true when the store evicted an entry to stay within its size. */
public final class EhcacheEvictAdvice {
    private EhcacheEvictAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object store, @Advice.Return boolean evicted) {
        if (evicted) {
            CacheHook.get().evicted("ehcache", store);
        }
    }
}
