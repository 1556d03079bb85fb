package dev.revisit.agent.instrumentation.springcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code org.springframework.cache.Cache.get(key)} and {@code get(key, type)}, which
 * {@code @Cacheable} calls: a value wrapper (or value) is a hit, null a miss.
 */
public final class SpringGetAdvice {
    private SpringGetAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache) {
        return CacheHook.get().enter("spring", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object value,
                     @Advice.Thrown Throwable thrown) {
        CacheHook.get().exit(call, value != null, thrown);
    }
}
