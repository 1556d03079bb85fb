package dev.revisit.agent.instrumentation.jcache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.util.Collection;
import java.util.Map;

/** On {@code javax.cache.Cache.getAll(keys)}: each key found is a hit, each one absent a miss. */
public final class JCacheGetAllAdvice {
    private JCacheGetAllAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object cache) {
        return CacheHook.get().enter("jcache", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call,
                     @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object keys,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object found,
                     @Advice.Thrown Throwable thrown) {
        CacheHook.get().exitBulk(call,
                keys instanceof Collection<?> requested ? requested.size() : -1,
                found instanceof Map<?, ?> map ? map.size() : 0,
                thrown);
    }
}
