package dev.revisit.agent.instrumentation.jcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code CacheManager.createCache/getCache}: registers the cache before its first read, so
 * the provider's storage is known to back it from the start (evictions before any read
 * count as the JCache cache's too).
 */
public final class JCacheCreatedAdvice {
    private JCacheCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object cache) {
        if (cache != null) {
            CacheHook.get().created("jcache", cache);
        }
    }
}
