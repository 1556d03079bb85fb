package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/** On a library stats counter's {@code recordHits(int)} (Caffeine, Guava): the library's own verdict on a read. */
public final class LibraryHitsAdvice {
    private LibraryHitsAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) int count) {
        CacheHook.get().libraryHits(count);
    }
}
