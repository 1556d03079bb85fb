package dev.revisit.agent.instrumentation.http;

/**
 * Reads a finished servlet request and records it. Lives with the servlet instrumentation, which
 * knows both Servlet API namespaces; this package stays free of them.
 */
public interface ServletExit {
    /** Leaving the outermost servlet call; the thread's request state is already reset. */
    void exit(ServerRequestMetrics metrics, Object request, Object response, long start, long end, Throwable thrown);

    /** {@code AsyncContext.complete()} on {@code asyncContext}. */
    void asyncComplete(ServerRequestMetrics metrics, Object asyncContext);

    /** The container ends the request of {@code channel}: an async request it timed out may end only here. */
    void containerCompleted(ServerRequestMetrics metrics, Object channel);
}
