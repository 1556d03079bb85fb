package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code Caffeine.build*}: names the new cache after the application code calling it. */
public final class CaffeineBuildAdvice {
    private CaffeineBuildAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object cache) {
        if (cache != null) {
            CacheHook.get().created("caffeine", cache);
        }
    }
}
