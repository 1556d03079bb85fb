package dev.revisit.agent.bootstrap.http;

/**
 * What HTTP server advice calls (Servlet API, JDK {@code HttpServer}). No-op until the agent
 * installs the real hook. Requests, responses and exchanges are passed as {@code Object} and
 * read by the hook, so one advice serves both Servlet API namespaces.
 */
public abstract class HttpServerHook {
    private static volatile HttpServerHook current = new HttpServerHook() {};

    public static HttpServerHook get() {
        return current;
    }

    public static void install(HttpServerHook hook) {
        current = hook;
    }

    /**
     * Entering a request handler (a servlet, a filter, a filter chain, the JDK's filter chain).
     * @return a start timestamp for the outermost one on this thread, 0 when nested
     */
    public long enter() {
        return 0L;
    }

    /** Entering the JDK's filter chain for {@code exchange}: like {@link #enter}, but 0 for the agent's own endpoint. */
    public long enterExchange(Object exchange) {
        return 0L;
    }

    /** Leaving a handler whose {@link #enter} returned 0. */
    public void exitNested() {}

    /** The request header that names the API version, or null when none is configured. */
    public String versionHeader() {
        return null;
    }

    /**
     * Leaving the outermost servlet/filter/chain call, of either Servlet API namespace.
     * @param request  the {@code ServletRequest} (read by the hook; an async request is known by it until it completes)
     * @param response the {@code ServletResponse}
     */
    public void exitServlet(long start, Object request, Object response, Throwable thrown) {}

    /** {@code AsyncContext.complete()} is called on {@code asyncContext}: an async request ends. */
    public void asyncComplete(Object asyncContext) {}

    /** The container ends the request of {@code channel} (Jetty 12's {@code ServletChannel}), whoever completed it. */
    public void containerCompleted(Object channel) {}

    /** Leaving the outermost JDK {@code HttpServer} filter chain call for {@code exchange}. */
    public void exitExchange(Object exchange, long start, Throwable thrown) {}
}
