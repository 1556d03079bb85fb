package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.CacheMetrics;
import dev.revisit.agent.instrumentation.cache.LibraryHitsAdvice;
import dev.revisit.agent.instrumentation.cache.LibraryMissesAdvice;

import java.util.function.Function;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Caffeine 2.x and 3.x (same class and method names in both). Reads are the default methods of
 * the cache kinds' interfaces ({@code LocalManualCache}, {@code LocalLoadingCache},
 * {@code LocalAsyncCache}, {@code LocalAsyncLoadingCache}); their results come from Caffeine's
 * stats counters, and loads with statistics off from {@code LocalCache.statsAware}; evictions
 * from {@code BoundedLocalCache.evictEntry}.
 */
public final class CaffeineModule implements InstrumentationModule {
    private static final String PACKAGE = "com.github.benmanes.caffeine.cache.";

    @Override
    public String name() {
        return "caffeine";
    }

    @Override
    public void start(ModuleContext context) {
        CacheMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(named(PACKAGE + "Caffeine"), namedOneOf("build", "buildAsync").and(isPublic()), CaffeineBuildAdvice.class)
                .type(named(PACKAGE + "BoundedLocalCache"), isConstructor(), CaffeineStorageAdvice.class)
                .type(named(PACKAGE + "LocalManualCache"),
                        named("getIfPresent").and(takesArguments(1)).and(isPublic()).and(not(isAbstract())),
                        CaffeinePresentAdvice.class)
                .type(named(PACKAGE + "LocalManualCache"),
                        namedOneOf("get", "getAll", "getAllPresent").and(isPublic()).and(not(isAbstract())),
                        CaffeineReadAdvice.class)
                .type(namedOneOf(PACKAGE + "LocalLoadingCache", PACKAGE + "LocalAsyncCache", PACKAGE + "LocalAsyncLoadingCache"),
                        namedOneOf("getIfPresent", "get", "getAll", "getAllPresent").and(isPublic()).and(not(isAbstract())),
                        CaffeineReadAdvice.class)
                .type(named(PACKAGE + "LocalCache"),
                        named("statsAware").and(takesArguments(2)).and(takesArgument(0, Function.class)),
                        CaffeineLoadAdvice.class)
                .type(named(PACKAGE + "BoundedLocalCache"),
                        named("evictEntry").and(takesArguments(3)).and(returns(boolean.class)).and(takesArgument(1, named(PACKAGE + "RemovalCause"))),
                        CaffeineEvictAdvice.class)
                .type(namedOneOf(PACKAGE + "stats.DisabledStatsCounter", PACKAGE + "stats.ConcurrentStatsCounter"),
                        named("recordHits").and(takesArguments(int.class)), LibraryHitsAdvice.class)
                .type(namedOneOf(PACKAGE + "stats.DisabledStatsCounter", PACKAGE + "stats.ConcurrentStatsCounter"),
                        named("recordMisses").and(takesArguments(int.class)), LibraryMissesAdvice.class)
                .type(named(PACKAGE + "stats.GuardedStatsCounter"),
                        named("recordHits").and(takesArguments(int.class)), GuardedHitsAdvice.class)
                .type(named(PACKAGE + "stats.GuardedStatsCounter"),
                        named("recordMisses").and(takesArguments(int.class)), GuardedMissesAdvice.class);
    }
}
