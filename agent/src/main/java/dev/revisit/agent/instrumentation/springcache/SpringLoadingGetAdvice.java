package dev.revisit.agent.instrumentation.springcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code org.springframework.cache.Cache.get(key, Callable)}, which {@code @Cacheable(sync = true)}
 * calls: the value is there either way, so the verdict is whether the loader ran (a miss). The
 * loader is passed on through a stand-in that notes it.
 */
public final class SpringLoadingGetAdvice {
    private SpringLoadingGetAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache,
                        @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object loader) {
        Object standIn = CacheHook.get().loading("spring", cache, loader);
        if (standIn != null) {
            loader = standIn;
        }
        return standIn;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object standIn, @Advice.Thrown Throwable thrown) {
        if (standIn != null) {
            CacheHook.get().loaded(standIn, thrown);
        }
    }
}
