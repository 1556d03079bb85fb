package dev.revisit.agent.instrumentation.httpserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.revisit.agent.instrumentation.http.ExchangeExit;
import dev.revisit.agent.instrumentation.http.ServerRequestMetrics;

/**
 * Reads what a finished exchange tells: the route is the path of the {@code HttpContext} the
 * handler was registered at (the JDK server's only notion of a route, bounded by the code);
 * the status is the one sent, none when the handler sent nothing.
 */
final class ExchangeReader implements ExchangeExit {
    private static final String AGENT_PACKAGE = "dev.revisit.agent.";

    @Override
    public boolean measured(Object exchange) {
        return !((HttpExchange) exchange).getHttpContext().getHandler().getClass().getName().startsWith(AGENT_PACKAGE);
    }

    @Override
    public void exit(ServerRequestMetrics metrics, Object exchange, long start, Throwable thrown) {
        HttpExchange ex = (HttpExchange) exchange;
        String header = metrics.versionHeader();
        metrics.exitExchange(start, ex.getRequestMethod(), ex.getHttpContext().getPath(), ex.getResponseCode(),
                ex instanceof HttpsExchange ? "https" : "http",
                header == null ? null : ex.getRequestHeaders().getFirst(header),
                ex.getRequestURI().getRawPath(), thrown);
    }
}
