package dev.revisit.collector.server;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /v1/metrics} when the collector reads a Prometheus-compatible store instead of its own:
 * every request is answered 404 with the reason, as a {@code google.rpc.Status} in the request's
 * encoding (OTLP exporters log it and do not retry a 404), and logged at most once a minute, so a
 * forgotten exporter is visible on both sides without flooding either log.
 */
final class OtlpRefusedHandler extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(OtlpRefusedHandler.class.getName());
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final String reason;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong refused = new AtomicLong();

    OtlpRefusedHandler(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "refused OTLP from {0} ({1} so far): {2}",
                    Request.getRemoteAddr(request), count, reason);
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(OtlpMetricsHandler.JSON);
        boolean protobuf = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(OtlpMetricsHandler.PROTOBUF);
        byte[] body = json ? RpcStatus.json(RpcStatus.NOT_FOUND, reason)
                : protobuf ? RpcStatus.protobuf(RpcStatus.NOT_FOUND, reason)
                : (reason + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, json ? OtlpMetricsHandler.JSON
                : protobuf ? OtlpMetricsHandler.PROTOBUF : "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
