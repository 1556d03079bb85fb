package dev.revisit.agent.export.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The opt-in scrape endpoint: {@code GET /metrics} in the Prometheus text format, on the JDK's
 * own HTTP server, bound to 127.0.0.1 unless configured otherwise, served by one daemon
 * thread. Scrapes collect on that thread, never on the application's.
 */
public final class PrometheusEndpoint {
    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static PrometheusEndpoint start(String host, int port, Recorder recorder, Map<String, String> resource) throws IOException {
        SnapshotMapper mapper = new SnapshotMapper(resource);
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, recorder, mapper, writer);
            } catch (Throwable t) {
                AgentLog.once("prometheus-scrape", "serving a Prometheus scrape failed", t);
            }
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "revisit-prometheus");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new PrometheusEndpoint(server, executor);
    }

    private static void handle(HttpExchange exchange, Recorder recorder, SnapshotMapper mapper, PrometheusTextFormatWriter writer) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/metrics") && !path.equals("/")) {
            respond(exchange, 404, "not found: try /metrics\n");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "method not allowed\n");
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        writer.write(body, mapper.map(recorder.collect()));
        exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.size());
        try (OutputStream out = exchange.getResponseBody()) {
            body.writeTo(out);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
