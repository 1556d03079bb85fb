package dev.revisit.agent.instrumentation.http;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.recorder.Gauge;
import dev.revisit.agent.recorder.GaugeSeries;
import dev.revisit.agent.recorder.Histogram;

import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP server hook, shared by the servlet and JDK {@code HttpServer} instrumentations:
 * times the outermost handler call per thread into {@code http.server.request.duration}.
 * An async servlet request is remembered (weakly, capped) when its first dispatch returns and
 * recorded when it completes; {@code http.server.active_requests} counts requests in flight,
 * async ones included, so a leak of per-request state shows there.
 */
public final class ServerRequestMetrics extends HttpServerHook {
    public static final String METRIC = "http.server.request.duration";
    public static final String ACTIVE_METRIC = "http.server.active_requests";
    static final String[] KEYS = {"http.request.method", "http.route", "http.response.status_code", "url.scheme",
        "api.version", "error.type"};
    private static final int MAX_PENDING = 10_000;
    private static ServerRequestMetrics installed;

    private final Histogram duration;
    private final String versionHeader;
    private final LongAdder inFlight = new LongAdder();
    private final WeakIdentityMap<Pending> pending = new WeakIdentityMap<>(MAX_PENDING);
    private volatile ExchangeExit exchanges;
    private volatile ServletExit servlets;

    private ServerRequestMetrics(ModuleContext context) {
        this.duration = context.recorder().durationHistogram(METRIC, "Duration of HTTP server requests", KEYS);
        String header = context.config().get("revisit.http.version.header");
        this.versionHeader = header == null || header.isBlank() ? null : header.trim();
        Gauge active = context.recorder().gauge(ACTIVE_METRIC, "{request}", "HTTP server requests in flight, async ones included");
        GaugeSeries activeSeries = active.series();
        context.recorder().onCollect(() -> activeSeries.set(inFlight.sum() + pending.size()));
    }

    /** The one instance, installed as the {@link HttpServerHook} by whichever HTTP module starts first. */
    public static synchronized ServerRequestMetrics install(ModuleContext context) {
        if (installed == null) {
            installed = new ServerRequestMetrics(context);
            HttpServerHook.install(installed);
        }
        return installed;
    }

    public void readExchangesWith(ExchangeExit reader) {
        this.exchanges = reader;
    }

    public void readServletsWith(ServletExit reader) {
        this.servlets = reader;
    }

    @Override
    public long enter() {
        RequestThread thread = RequestThread.current();
        if (thread.depth++ > 0) {
            return 0L;
        }
        inFlight.increment();
        return System.nanoTime();
    }

    @Override
    public long enterExchange(Object exchange) {
        ExchangeExit reader = exchanges;
        if (reader == null || !reader.measured(exchange)) {
            return 0L;
        }
        return enter();
    }

    @Override
    public void exitNested() {
        RequestThread thread = RequestThread.current();
        if (thread.depth > 0) {
            thread.depth--;
        }
    }

    @Override
    public String versionHeader() {
        return versionHeader;
    }

    @Override
    public void exitServlet(long start, Object request, Object response, Throwable thrown) {
        long end = System.nanoTime();
        RequestThread.current().depth = 0;
        inFlight.decrement();
        ServletExit reader = servlets;
        if (reader != null) {
            reader.exit(this, request, response, start, end, thrown);
        }
    }

    @Override
    public void asyncComplete(Object asyncContext) {
        ServletExit reader = servlets;
        if (reader != null && pending.size() > 0) {
            reader.asyncComplete(this, asyncContext);
        }
    }

    @Override
    public void containerCompleted(Object channel) {
        ServletExit reader = servlets;
        if (reader != null && pending.size() > 0) {
            reader.containerCompleted(this, channel);
        }
    }

    /**
     * A servlet request as {@link ServletExit} read it.
     * @param key          the container's own request object (wrappers removed): the key for an async request
     * @param route        Spring MVC's matched pattern attribute, or null
     * @param mapping      the servlet mapping pattern (bounded fallback route), or null
     * @param path         the request URI, only read for a {@code /vN/} segment
     * @param version      the configured version header's value, or null
     * @param asyncStarted the request went async: it is recorded when it completes
     * @param later        a later dispatch (async, error page) of a request whose first dispatch was seen
     */
    public void recordServlet(long start, long end, Object key, String method, String scheme, int status, Object route,
                              String mapping, String path, String version, boolean asyncStarted, boolean later,
                              Throwable thrown) {
        String routeText = route instanceof String template ? template : mapping;
        String apiVersion = version != null ? HttpValues.versionFromHeader(version) : HttpValues.versionFromPath(routeText);
        if (apiVersion == null && version == null) {
            apiVersion = HttpValues.versionFromPath(path);
        }
        if (asyncStarted && thrown == null) {
            // A later dispatch after which the request is still async (Tomcat's error page for an async timeout runs
            // while the request is in its async error state; an async dispatch may start async again) leaves it as
            // its first dispatch named and timed it. A first dispatch replaces what a reused request object left.
            if (!later || !awaitsCompletion(key)) {
                startAsync(key, start, method, scheme, routeText, apiVersion);
            }
            return;
        }
        if (pending.size() > 0) {
            Pending first = pending.get(key);
            if (first != null) {
                // An async request's last dispatch: timed from the first and named by it, as the client asked
                // (the last may be the container's dispatch to an error page, or to another path).
                pending.remove(key);
                record(RequestThread.current().attributes, end - first.start, first.method, first.route,
                        servletStatus(status, thrown), first.scheme, first.version, thrown);
                return;
            }
        }
        record(RequestThread.current().attributes, end - start, method, routeText, servletStatus(status, thrown), scheme,
                apiVersion, thrown);
    }

    /** True while {@code key} (a container's request object) is an async request not yet recorded. */
    public boolean awaitsCompletion(Object key) {
        return pending.size() > 0 && pending.get(key) != null;
    }

    /** An async request (by its container's request object) completed with {@code status}. */
    public void completeAsync(Object key, int status) {
        Pending first = pending.get(key);
        if (first == null) {
            return; // completed by a dispatch that already recorded it, or never seen
        }
        pending.remove(key);
        record(RequestThread.current().attributes, System.nanoTime() - first.start, first.method, first.route,
                HttpValues.status(status), first.scheme, first.version, null);
    }

    @Override
    public void exitExchange(Object exchange, long start, Throwable thrown) {
        ExchangeExit reader = exchanges;
        if (reader != null) {
            reader.exit(this, exchange, start, thrown);
        }
    }

    /** Leaving the outermost JDK exchange: what {@link ExchangeExit} readers call. */
    public void exitExchange(long start, String method, String route, int status, String scheme, String headerVersion,
                             String path, Throwable thrown) {
        long end = System.nanoTime();
        RequestThread thread = RequestThread.current();
        thread.depth = 0;
        inFlight.decrement();
        String apiVersion = headerVersion != null ? HttpValues.versionFromHeader(headerVersion) : HttpValues.versionFromPath(route);
        if (apiVersion == null && headerVersion == null) {
            apiVersion = HttpValues.versionFromPath(path);
        }
        record(thread.attributes, end - start, method, route, HttpValues.status(status), scheme, apiVersion, thrown);
    }

    /** Async requests waiting for completion, for tests and the active-requests gauge. */
    int pendingAsync() {
        return pending.size();
    }

    private void startAsync(Object request, long start, String method, String scheme, String route, String version) {
        pending.put(request, new Pending(start, HttpValues.method(method), scheme, route, version));
    }

    private void record(String[] values, long nanos, String method, String route, String status, String scheme,
                        String version, Throwable thrown) {
        values[0] = HttpValues.method(method);
        values[1] = route;
        values[2] = status;
        values[3] = scheme;
        values[4] = version;
        values[5] = thrown == null ? null : thrown.getClass().getName();
        duration.series(values).record(nanos);
    }

    /** A servlet that threw without committing a response is answered 500 by the container. */
    private static String servletStatus(int status, Throwable thrown) {
        return HttpValues.status(thrown != null && status < 400 ? 500 : status);
    }

    private record Pending(long start, String method, String scheme, String route, String version) {}
}
