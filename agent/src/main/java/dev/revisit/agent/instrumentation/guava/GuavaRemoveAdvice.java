package dev.revisit.agent.instrumentation.guava;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code LocalCache.Segment.removeEntry(entry, hash, cause)}, used for size and expiry evictions. */
public final class GuavaRemoveAdvice {
    private GuavaRemoveAdvice() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue(value = "map", typing = Assigner.Typing.DYNAMIC) Object cache,
                     @Advice.Argument(value = 2, typing = Assigner.Typing.DYNAMIC) Object cause,
                     @Advice.Return boolean removed) {
        if (removed) {
            CacheHook.get().removed("guava", cache, cause);
        }
    }
}
