package dev.revisit.agent.instrumentation.springcache;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.CacheMetrics;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Spring's cache abstraction: {@code get(key)}, {@code get(key, type)} and {@code get(key, loader)}
 * ({@code @Cacheable(sync = true)}) of every {@code org.springframework.cache.Cache}, named by {@code getName()}. The cache a Spring
 * cache stores into (JCache, Caffeine) is counted as the Spring cache, once.
 */
public final class SpringCacheModule implements InstrumentationModule {
    private static final String CACHE = "org.springframework.cache.Cache";
    private static final String MANAGER = "org.springframework.cache.CacheManager";

    @Override
    public String name() {
        return "springcache";
    }

    @Override
    public void start(ModuleContext context) {
        CacheMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named(CACHE))),
                        named("get").and(isPublic()).and(not(isAbstract()))
                                .and(takesArguments(1).or(takesArguments(2).and(takesArgument(1, Class.class)))),
                        SpringGetAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named(CACHE))),
                        named("get").and(isPublic()).and(not(isAbstract()))
                                .and(takesArguments(2)).and(takesArgument(1, named("java.util.concurrent.Callable"))),
                        SpringLoadingGetAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named(MANAGER))),
                        named("getCache").and(takesArguments(String.class)).and(isPublic()).and(not(isAbstract())),
                        SpringCacheCreatedAdvice.class);
    }
}
