package dev.revisit.agent.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test OTLP/HTTP metrics endpoint: decodes every {@code POST /v1/metrics} with the real
 * opentelemetry-proto classes and keeps the requests. It can also answer with an error
 * status or answer slowly, to test how the agent behaves when its endpoint misbehaves.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/v1/metrics", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                attempts.incrementAndGet();
                byte[] bytes = body.readAllBytes();
                sleep(delay);
                if (status != 200) {
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                requests.add(ExportMetricsServiceRequest.parseFrom(bytes));
                byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "otlp-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
    }

    /** Answer every request with this HTTP status (200 = accept). */
    public OtlpReceiver respondWith(int status) {
        this.status = status;
        return this;
    }

    /** Wait this long before answering. */
    public OtlpReceiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<ExportMetricsServiceRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests that arrived, accepted or not. */
    public int attempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
