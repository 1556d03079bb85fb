package dev.revisit.agent.instrumentation.httpserver;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.http.ServerRequestMetrics;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code http.server.request.duration} for the JDK's {@code com.sun.net.httpserver}. Every
 * exchange passes through {@code Filter.Chain.doFilter} (user filters, then system filters,
 * then the handler), so its outermost call spans the handling of one request.
 */
public final class HttpServerModule implements InstrumentationModule {

    @Override
    public String name() {
        return "httpserver";
    }

    @Override
    public void start(ModuleContext context) {
        ServerRequestMetrics.install(context).readExchangesWith(new ExchangeReader());
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.jdkType(named("com.sun.net.httpserver.Filter$Chain"),
                named("doFilter").and(takesArguments(1)),
                ChainAdvice.class);
    }
}
