package dev.revisit.agent.bootstrap.http;

/**
 * What HTTP server advice calls (Servlet API, JDK {@code HttpServer}). No-op until the agent
 * installs the real hook. The servlet advice reads the request itself (it is inlined where
 * the Servlet API is visible) and passes plain values; the JDK exchange is passed as
 * {@code Object} and read by the hook.
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
     * Leaving the outermost servlet/filter/chain call.
     * @param request      the request object: the key for an async request that completes later
     * @param route        Spring MVC's matched pattern attribute, or null
     * @param mapping      the servlet mapping pattern (bounded fallback route), or null
     * @param path         the request URI, only read for a {@code /vN/} segment
     * @param version      the configured version header's value, or null
     * @param asyncStarted the request went async: it is recorded when it completes
     */
    public void exitServlet(long start, Object request, String method, String scheme, int status, Object route, String mapping,
                            String path, String version, boolean asyncStarted, Throwable thrown) {}

    /** An async request completed ({@code AsyncContext.complete()} or a later dispatch finishing). */
    public void asyncComplete(Object request, int status) {}

    /** Leaving the outermost JDK {@code HttpServer} filter chain call for {@code exchange}. */
    public void exitExchange(Object exchange, long start, Throwable thrown) {}
}
