package dev.revisit.agent.instrumentation.guava;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.CacheMetrics;
import dev.revisit.agent.instrumentation.cache.LibraryHitsAdvice;
import dev.revisit.agent.instrumentation.cache.LibraryMissesAdvice;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/** Guava's {@code Cache} and {@code LoadingCache} ({@code com.google.common.cache.LocalCache}). */
public final class GuavaModule implements InstrumentationModule {
    private static final String PACKAGE = "com.google.common.cache.";

    @Override
    public String name() {
        return "guava";
    }

    @Override
    public void start(ModuleContext context) {
        CacheMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(named(PACKAGE + "LocalCache"), isConstructor(), GuavaCreatedAdvice.class)
                .type(namedOneOf(PACKAGE + "LocalCache$LocalManualCache", PACKAGE + "LocalCache$LocalLoadingCache"),
                        namedOneOf("getIfPresent", "get", "getUnchecked", "getAll", "getAllPresent", "apply").and(isPublic()),
                        GuavaReadAdvice.class)
                .type(named(PACKAGE + "LocalCache$Segment"),
                        named("removeEntry").and(takesArguments(3)).and(returns(boolean.class)),
                        GuavaRemoveAdvice.class)
                .type(nameStartsWith(PACKAGE).and(not(isInterface())).and(hasSuperType(named(PACKAGE + "AbstractCache$StatsCounter"))),
                        named("recordHits").and(takesArguments(int.class)), LibraryHitsAdvice.class)
                .type(nameStartsWith(PACKAGE).and(not(isInterface())).and(hasSuperType(named(PACKAGE + "AbstractCache$StatsCounter"))),
                        named("recordMisses").and(takesArguments(int.class)), LibraryMissesAdvice.class);
    }
}
