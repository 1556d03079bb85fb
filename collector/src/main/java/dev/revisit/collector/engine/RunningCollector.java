package dev.revisit.collector.engine;

import dev.revisit.collector.api.ApiHandler;
import dev.revisit.collector.api.ServiceOptions;
import dev.revisit.collector.notify.WebhookNotifier;
import dev.revisit.collector.reviewlog.HistoryRecorder;
import dev.revisit.collector.reviewlog.ReviewLog;
import dev.revisit.collector.reviewlog.ReviewLogUnavailableException;
import dev.revisit.collector.reviewlog.ReviewOverlay;
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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;

/**
 * A running collector: the store in its data directory, the OTLP server feeding it and the
 * verdict loop reading it. What {@code serve} starts, and tests start in-process.
 */
public final class RunningCollector implements AutoCloseable {

    private final PersistentStore store;
    private final CollectorServer server;
    private final VerdictLoop verdicts;
    private final ReviewLog reviewLog;
    private final WebhookNotifier notifier;

    private RunningCollector(PersistentStore store, CollectorServer server, VerdictLoop verdicts, ReviewLog reviewLog,
                             WebhookNotifier notifier) {
        this.notifier = notifier;
        this.store = store;
        this.server = server;
        this.verdicts = verdicts;
        this.reviewLog = reviewLog;
    }

    /** Opens the data directory, starts listening, evaluates now and then every {@code interval}. */
    public static RunningCollector start(DecisionsWatch decisions, Path dataDir, ServerConfig config, Duration interval,
                                         Clock clock) throws Exception {
        return start(decisions, dataDir, config, interval, clock, ServiceOptions.DEFAULT);
    }

    /**
     * As above, with the review log's database and the API token.
     *
     * @throws ReviewLogUnavailableException when the review log's database cannot be used: nothing is started
     */
    public static RunningCollector start(DecisionsWatch decisions, Path dataDir, ServerConfig config, Duration interval,
                                         Clock clock, ServiceOptions options) throws Exception {
        java.nio.file.Files.createDirectories(dataDir);
        ReviewLog reviewLog = ReviewLog.open(options.databaseUrl() != null ? options.databaseUrl() : ReviewLog.embeddedUrl(dataDir));
        PersistentStore store;
        try {
            store = PersistentStore.open(dataDir, StoreConfig.DEFAULT, PersistentStore.DEFAULT_FLUSH_INTERVAL);
        } catch (Exception e) {
            reviewLog.close();
            throw e;
        }
        VerdictLoop verdicts = new VerdictLoop(decisions, store.store(), clock);
        OtlpMetricsIngester ingester = new OtlpMetricsIngester(store.store());
        CollectorMetrics metrics = new CollectorMetrics(ingester, store.store());
        verdicts.addListener(metrics);
        verdicts.setOverlay(new ReviewOverlay(reviewLog));
        verdicts.addListener(new HistoryRecorder(reviewLog));
        AtomicReference<URI> base = new AtomicReference<>();
        WebhookNotifier notifier = new WebhookNotifier(options.webhooks(), base::get, Duration.ofSeconds(1));
        if (!options.webhooks().isEmpty()) {
            verdicts.addListener(notifier);
        }
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put("/api/v1/*", new ApiHandler(verdicts::current, reviewLog, options.token(), clock));
        routes.put("/metrics", new MetricsHandler(metrics));
        routes.put("/", new PageHandler(verdicts::current, store.store())); // the servlet-style default: every other path
        CollectorServer server;
        try {
            server = CollectorServer.start(config, ingester, routes);
        } catch (Exception e) {
            store.close();
            reviewLog.close();
            throw e;
        }
        base.set(server.uri());
        verdicts.start(interval);
        return new RunningCollector(store, server, verdicts, reviewLog, notifier);
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
        notifier.close();
        try {
            server.close();
        } finally {
            try {
                store.close();
            } finally {
                reviewLog.close();
            }
        }
    }
}
