package dev.revisit.collector.engine;

import dev.revisit.collector.api.ApiHandler;
import dev.revisit.collector.ingest.OtlpMetricsIngester;
import dev.revisit.collector.metrics.CollectorMetrics;
import dev.revisit.collector.metrics.MetricsHandler;
import dev.revisit.collector.page.PageHandler;
import dev.revisit.collector.server.CollectorServer;
import dev.revisit.collector.server.ServerConfig;
import dev.revisit.collector.store.PersistentStore;
import dev.revisit.collector.store.StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;

/**
 * A running collector: the store in its data directory, the OTLP server feeding it and the
 * verdict loop reading it. What {@code serve} starts, and tests start in-process.
 */
public final class RunningCollector implements AutoCloseable {

    private final PersistentStore store;
    private final CollectorServer server;
    private final VerdictLoop verdicts;

    private RunningCollector(PersistentStore store, CollectorServer server, VerdictLoop verdicts) {
        this.store = store;
        this.server = server;
        this.verdicts = verdicts;
    }

    /** Opens the data directory, starts listening, evaluates now and then every {@code interval}. */
    public static RunningCollector start(DecisionsWatch decisions, Path dataDir, ServerConfig config, Duration interval,
                                         Clock clock) throws Exception {
        PersistentStore store = PersistentStore.open(dataDir, StoreConfig.DEFAULT, PersistentStore.DEFAULT_FLUSH_INTERVAL);
        VerdictLoop verdicts = new VerdictLoop(decisions, store.store(), clock);
        OtlpMetricsIngester ingester = new OtlpMetricsIngester(store.store());
        CollectorMetrics metrics = new CollectorMetrics(ingester, store.store());
        verdicts.addListener(metrics);
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put("/api/v1/*", new ApiHandler(verdicts::current));
        routes.put("/metrics", new MetricsHandler(metrics));
        routes.put("/", new PageHandler(verdicts::current, store.store())); // the servlet-style default: every other path
        CollectorServer server;
        try {
            server = CollectorServer.start(config, ingester, routes);
        } catch (Exception e) {
            store.close();
            throw e;
        }
        verdicts.start(interval);
        return new RunningCollector(store, server, verdicts);
    }

    public URI uri() {
        return server.uri();
    }

    public VerdictLoop verdicts() {
        return verdicts;
    }

    /** Stops evaluating, stops taking requests (letting those in flight finish), flushes the store. */
    @Override
    public void close() throws Exception {
        verdicts.close();
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
