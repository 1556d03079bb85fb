package dev.revisit.agent.instrumentation.jcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code javax.cache.Cache.get(key)} of any provider: a value is a hit, null a miss (JCache stores no nulls). */
public final class JCacheGetAdvice {
    private JCacheGetAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache) {
        return CacheHook.get().enter("jcache", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object value,
                     @Advice.Thrown Throwable thrown) {
        CacheHook.get().exit(call, value != null, thrown);
    }
}
