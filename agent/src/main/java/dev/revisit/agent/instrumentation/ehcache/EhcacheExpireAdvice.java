package dev.revisit.agent.instrumentation.ehcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/** On {@code OnHeapStore.fireOnExpirationEvent(key, holder, sink)}: an expired entry was found and dropped. */
public final class EhcacheExpireAdvice {
    private EhcacheExpireAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object store) {
        CacheHook.get().evicted("ehcache", store);
    }
}
