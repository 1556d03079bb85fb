package dev.revisit.agent.instrumentation.guava;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On the read methods of Guava's {@code LocalManualCache}/{@code LocalLoadingCache}: the cache is
 * their {@code LocalCache}, where Guava also evicts; hits and misses are what Guava reports to
 * its stats counter meanwhile (it always does, enabled or not).
 */
public final class GuavaReadAdvice {
    private GuavaReadAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.FieldValue(value = "localCache", typing = Assigner.Typing.DYNAMIC) Object cache) {
        return CacheHook.get().enter("guava", cache);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object call) {
        CacheHook.get().exitReported(call);
    }
}
