package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.instrumentation.http.ServerRequestMetrics;
import dev.revisit.agent.instrumentation.http.ServletExit;

/** Reads a finished servlet request of either namespace through its {@link ServletApi} and hands the values on. */
final class ServletReader implements ServletExit {
    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the route template. */
    static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private final MappingRoutes mappings = new MappingRoutes();

    @Override
    public void exit(ServerRequestMetrics metrics, Object request, Object response, long start, long end, Throwable thrown) {
        ServletApi api = ServletApi.of(request);
        if (!api.known) {
            metrics.recordServlet(start, end, request, null, null, 0, null, null, null, null, false, false, thrown);
            return;
        }
        try {
            Object key = api.unwrap(request);
            Object dispatch = api.dispatcherType(request);
            if (api.errorDispatch(dispatch) && !metrics.awaitsCompletion(key)) {
                return; // an error page the container dispatched to: its request was recorded when its own dispatch returned
            }
            String header = metrics.versionHeader();
            Object template = api.attribute(request, SPRING_ROUTE);
            metrics.recordServlet(start, end, key, api.method(request), api.scheme(request), api.status(response),
                    template, template instanceof String ? null : mappings.route(api, request), api.uri(request),
                    header == null ? null : api.header(request, header), api.asyncStarted(request), !api.firstDispatch(dispatch),
                    thrown);
        } catch (Throwable e) {
            // A request whose own getters throw is not recorded; the thread's state is reset already.
        }
    }

    @Override
    public void asyncComplete(ServerRequestMetrics metrics, Object asyncContext) {
        ServletApi api = ServletApi.of(asyncContext);
        if (!api.known) {
            return;
        }
        try {
            metrics.completeAsync(api.unwrap(api.asyncRequest(asyncContext)), api.status(api.asyncResponse(asyncContext)));
        } catch (Throwable e) {
            // left pending: the weak, capped table forgets it
        }
    }

    @Override
    public void containerCompleted(ServerRequestMetrics metrics, Object channel) {
        JettyChannel jetty = JettyChannel.of(channel);
        if (!jetty.known()) {
            return;
        }
        try {
            Object request = jetty.request(channel);
            ServletApi api = ServletApi.of(request);
            if (api.known) {
                metrics.completeAsync(api.unwrap(request), api.status(jetty.response(channel)));
            }
        } catch (Throwable e) {
            // left pending: the weak, capped table forgets it
        }
    }
}
