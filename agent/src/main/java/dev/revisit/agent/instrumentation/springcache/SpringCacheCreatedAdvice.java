package dev.revisit.agent.instrumentation.springcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code CacheManager.getCache(name)}: registers the cache (and what stores it) before its first read. */
public final class SpringCacheCreatedAdvice {
    private SpringCacheCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object cache) {
        if (cache != null) {
            CacheHook.get().created("spring", cache);
        }
    }
}
