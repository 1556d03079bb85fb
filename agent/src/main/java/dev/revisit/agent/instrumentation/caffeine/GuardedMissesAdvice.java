package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import net.bytebuddy.asm.Advice;

/**
 * On {@code GuardedStatsCounter.recordMisses(int)}, the wrapper Caffeine puts around the counter of
 * {@code recordStats(supplier)}: it reports only when the counter inside is the application's own.
 * Caffeine's own counters inside it report themselves (their advice); counting here too would
 * count those reads twice.
 */
public final class GuardedMissesAdvice {
    private GuardedMissesAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(0) int count, @Advice.FieldValue("delegate") Object delegate) {
        if (delegate != null && !delegate.getClass().getName().startsWith("com.github.benmanes.caffeine.cache.stats.")) {
            CacheHook.get().libraryMisses(count);
        }
    }
}
