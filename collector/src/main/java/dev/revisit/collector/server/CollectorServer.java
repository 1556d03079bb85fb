package dev.revisit.collector.server;

import dev.revisit.collector.ingest.OtlpMetricsIngester;
import dev.revisit.collector.store.MemoryStore;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The collector's HTTP server (Jetty 12, core handlers): OTLP/HTTP metrics on
 * {@code /v1/metrics}, plus whatever routes the caller adds (the API and status page).
 * {@link #close()} stops taking requests and lets the ones in flight finish.
 */
public final class CollectorServer implements AutoCloseable {

    /** Longest a graceful stop waits for requests in flight. */
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Server server;
    private final ServerConnector connector;

    private CollectorServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static CollectorServer start(ServerConfig config, MemoryStore store) throws Exception {
        return start(config, store, Map.of());
    }

    /**
     * Starts listening. {@code routes} maps Jetty path specs ({@code "/api/v1/*"},
     * {@code "/"}, {@code "/metrics"}) to further handlers.
     */
    public static CollectorServer start(ServerConfig config, MemoryStore store, Map<String, Handler> routes) throws Exception {
        return start(config, new OtlpMetricsIngester(store), routes);
    }

    /** As above, with the caller's ingester (whose totals the collector's own metrics read). */
    public static CollectorServer start(ServerConfig config, OtlpMetricsIngester ingester, Map<String, Handler> routes) throws Exception {
        return start(config, new OtlpMetricsHandler(ingester, config.maxRequestBytes()), routes);
    }

    /**
     * Without OTLP ingest (the signals are read from a Prometheus-compatible store):
     * {@code /v1/metrics} answers 404 with {@code reason}, logged at most once a minute.
     */
    public static CollectorServer startRefusingOtlp(ServerConfig config, String reason, Map<String, Handler> routes)
            throws Exception {
        return start(config, new OtlpRefusedHandler(reason), routes);
    }

    private static CollectorServer start(ServerConfig config, Handler otlp, Map<String, Handler> routes) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("revisit-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);

        PathMappingsHandler paths = new PathMappingsHandler();
        paths.addMapping(PathSpec.from("/v1/metrics"), otlp);
        routes.forEach((spec, handler) -> paths.addMapping(PathSpec.from(spec), handler));
        GracefulHandler graceful = new GracefulHandler(paths);
        graceful.setShutdownIdleTimeout(200); // idle keep-alive connections need not hold the stop for its 1 s default
        server.setHandler(graceful);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setStopAtShutdown(false);
        server.start();
        return new CollectorServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Base URI, e.g. {@code http://127.0.0.1:4318}. */
    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
