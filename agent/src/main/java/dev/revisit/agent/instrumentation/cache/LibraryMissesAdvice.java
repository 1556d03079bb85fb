package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/** On a library stats counter's {@code recordMisses(int)} (Caffeine, Guava). */
public final class LibraryMissesAdvice {
    private LibraryMissesAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) int count) {
        CacheHook.get().libraryMisses(count);
    }
}
