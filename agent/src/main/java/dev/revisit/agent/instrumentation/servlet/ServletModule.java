package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.http.ServerRequestMetrics;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code http.server.request.duration} for any container of the Jakarta or the javax Servlet
 * API (Tomcat, Jetty, Undertow): the outermost servlet, filter or filter-chain call per thread is the
 * request, whichever the container calls first. Async requests end at {@code AsyncContext.complete()},
 * when a later dispatch returns without going async again, or on Jetty 12 when the container completes them.
 */
public final class ServletModule implements InstrumentationModule {

    @Override
    public String name() {
        return "servlet";
    }

    @Override
    public void start(ModuleContext context) {
        ServerRequestMetrics.install(context).readServletsWith(new ServletReader());
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(api("Servlet"))),
                        named("service").and(takesArguments(2)).and(takesArgument(0, api("ServletRequest"))).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(api("Filter"))),
                        named("doFilter").and(takesArguments(3)).and(takesArgument(0, api("ServletRequest"))).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(api("FilterChain"))),
                        named("doFilter").and(takesArguments(2)).and(not(isAbstract())),
                        ServiceAdvice.class)
                .type(not(isInterface()).and(hasSuperType(api("AsyncContext"))),
                        named("complete").and(takesArguments(0)).and(not(isAbstract())),
                        AsyncCompleteAdvice.class)
                // Jetty 12 ends an async request it timed out without an error page by itself: no complete(), no dispatch.
                .type(namedOneOf("org.eclipse.jetty.ee10.servlet.ServletChannel", "org.eclipse.jetty.ee11.servlet.ServletChannel"),
                        named("onCompleted").and(takesArguments(0)),
                        ChannelCompletedAdvice.class);
    }

    /** A type of either Servlet API namespace: the same advice serves both. */
    private static ElementMatcher.Junction<TypeDescription> api(String simpleName) {
        return namedOneOf("jakarta.servlet." + simpleName, "javax.servlet." + simpleName);
    }
}
