package dev.revisit.collector.metrics;

import dev.revisit.collector.api.Responses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /metrics}: the Prometheus exposition, in the format the scraper's Accept asks for. */
public final class MetricsHandler extends Handler.Abstract {

    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final CollectorMetrics metrics;

    public MetricsHandler(CollectorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            return Responses.error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use GET for /metrics");
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        String contentType = openMetrics ? OPENMETRICS : TEXT;
        return Responses.text(response, callback, HttpStatus.OK_200, contentType, metrics.scrape(contentType));
    }
}
