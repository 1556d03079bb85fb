package dev.revisit.agent.instrumentation.http;

/**
 * Reads a JDK {@code HttpExchange} and records it. Lives with the httpserver instrumentation so
 * that this package never links {@code com.sun.net.httpserver}, which a trimmed runtime may lack.
 */
public interface ExchangeExit {
    /** False for exchanges not to time: the agent's own Prometheus endpoint. */
    boolean measured(Object exchange);

    void exit(ServerRequestMetrics metrics, Object exchange, long start, Throwable thrown);
}
