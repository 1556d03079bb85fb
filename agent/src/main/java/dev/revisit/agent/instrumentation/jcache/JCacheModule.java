package dev.revisit.agent.instrumentation.jcache;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.CacheMetrics;

import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * JCache ({@code javax.cache} 1.x), any provider: {@code get} and {@code getAll} of every class
 * implementing {@code javax.cache.Cache}, named by the cache's own {@code getName()}.
 * Evictions are counted where the provider's storage is instrumented (Caffeine's provider);
 * JCache itself has no eviction event.
 */
public final class JCacheModule implements InstrumentationModule {
    private static final String CACHE = "javax.cache.Cache";
    private static final String MANAGER = "javax.cache.CacheManager";

    @Override
    public String name() {
        return "jcache";
    }

    @Override
    public void start(ModuleContext context) {
        CacheMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named(CACHE))),
                        named("get").and(takesArguments(1)).and(isPublic()).and(not(isAbstract())),
                        JCacheGetAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named(CACHE))),
                        named("getAll").and(takesArguments(Set.class)).and(isPublic()).and(not(isAbstract())),
                        JCacheGetAllAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named(MANAGER))),
                        namedOneOf("createCache", "getCache").and(isPublic()).and(not(isAbstract())),
                        JCacheCreatedAdvice.class);
    }
}
