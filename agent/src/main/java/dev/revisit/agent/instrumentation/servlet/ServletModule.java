package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.http.ServerRequestMetrics;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code http.server.request.duration} for any container of the Jakarta Servlet API (Tomcat,
 * Jetty, Undertow): the outermost servlet, filter or filter-chain call per thread is the
 * request, whichever the container calls first. Async requests end at {@code AsyncContext.complete()}
 * or when a later dispatch returns without going async again.
 */
public final class ServletModule implements InstrumentationModule {

    @Override
    public String name() {
        return "servlet";
    }

    @Override
    public void start(ModuleContext context) {
        ServerRequestMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named("jakarta.servlet.Servlet"))),
                        named("service").and(takesArguments(2)).and(takesArgument(0, named("jakarta.servlet.ServletRequest"))).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("jakarta.servlet.Filter"))),
                        named("doFilter").and(takesArguments(3)).and(takesArgument(0, named("jakarta.servlet.ServletRequest"))).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("jakarta.servlet.FilterChain"))),
                        named("doFilter").and(takesArguments(2)).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("jakarta.servlet.AsyncContext"))),
                        named("complete").and(takesArguments(0)).and(not(isAbstract())),
                        AsyncCompleteAdvice.class);
    }
}
