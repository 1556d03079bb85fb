package dev.revisit.agent.instrumentation.ehcache;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.CacheMetrics;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Ehcache 3's evictions, which JCache has no event for: its heap store's {@code evict} (by size)
 * and {@code fireOnExpirationEvent} (by expiry) — the same calls Ehcache's own eviction and
 * expiration statistics count. They count for the JCache cache the store backs; reads are counted
 * by the {@code jcache} module.
 */
public final class EhcacheModule implements InstrumentationModule {
    private static final String ON_HEAP_STORE = "org.ehcache.impl.internal.store.heap.OnHeapStore";

    @Override
    public String name() {
        return "ehcache";
    }

    @Override
    public void start(ModuleContext context) {
        CacheMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(named(ON_HEAP_STORE), named("evict").and(takesArguments(1)).and(returns(boolean.class)),
                        EhcacheEvictAdvice.class)
                .type(named(ON_HEAP_STORE), named("fireOnExpirationEvent").and(takesArguments(3)),
                        EhcacheExpireAdvice.class);
    }
}
