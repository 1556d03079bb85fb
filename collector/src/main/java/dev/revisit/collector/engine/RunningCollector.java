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
import dev.revisit.collector.verdict.SignalSource;
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
 * verdict loop reading it — or, at scale, the verdict loop reading a Prometheus-compatible store.
 * What {@code serve} starts, and tests start in-process.
 */
public final class RunningCollector implements AutoCloseable {

    private final AutoCloseable signals; // the embedded store (flushed on close) or the remote source
    private final CollectorServer server;
    private final VerdictLoop verdicts;
    private final ReviewLog reviewLog;
    private final WebhookNotifier notifier;

    private RunningCollector(AutoCloseable signals, CollectorServer server, VerdictLoop verdicts, ReviewLog reviewLog,
                             WebhookNotifier notifier) {
        this.notifier = notifier;
        this.signals = signals;
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
        OtlpMetricsIngester ingester = new OtlpMetricsIngester(store.store());
        return start(decisions, SignalSource.embedded(store.store()), store, reviewLog, new CollectorMetrics(ingester, store.store()),
                routes -> CollectorServer.start(config, ingester, routes), interval, clock, options);
    }

    /**
     * The same service reading its signals from {@code remote} (a Prometheus-compatible store)
     * instead of an embedded one: no store is opened, and {@code /v1/metrics} refuses OTLP with a
     * 404 that says where signals go instead. The data directory holds only the embedded review
     * log, and only when {@code options} name no database. Closing the collector closes {@code remote}.
     */
    public static RunningCollector startReading(SignalSource remote, String description, DecisionsWatch decisions, Path dataDir,
                                                ServerConfig config, Duration interval, Clock clock,
                                                ServiceOptions options) throws Exception {
        ReviewLog reviewLog;
        try {
            if (options.databaseUrl() == null) {
                java.nio.file.Files.createDirectories(dataDir);
            }
            reviewLog = ReviewLog.open(options.databaseUrl() != null ? options.databaseUrl() : ReviewLog.embeddedUrl(dataDir));
        } catch (Exception e) {
            remote.close();
            throw e;
        }
        String refusal = "this collector reads its signals from " + description
                + " and takes no OTLP: send the agents' OTLP to the store's ingest (e.g. an OpenTelemetry Collector "
                + "with the prometheusremotewrite exporter)";
        return start(decisions, remote, remote, reviewLog, new CollectorMetrics(null, null),
                routes -> CollectorServer.startRefusingOtlp(config, refusal, routes), interval, clock, options);
    }

    /** How the HTTP server starts once the routes are known: with OTLP ingest or refusing it. */
    @FunctionalInterface
    private interface ServerStart {
        CollectorServer start(Map<String, Handler> routes) throws Exception;
    }

    private static RunningCollector start(DecisionsWatch decisions, SignalSource source, AutoCloseable signals,
                                          ReviewLog reviewLog, CollectorMetrics metrics, ServerStart serverStart,
                                          Duration interval, Clock clock, ServiceOptions options) throws Exception {
        VerdictLoop verdicts = new VerdictLoop(decisions, source, clock);
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
        routes.put("/", new PageHandler(verdicts::current, source)); // the servlet-style default: every other path
        CollectorServer server;
        try {
            server = serverStart.start(routes);
        } catch (Exception e) {
            try {
                signals.close();
            } finally {
                reviewLog.close();
            }
            throw e;
        }
        base.set(server.uri());
        verdicts.start(interval);
        return new RunningCollector(signals, server, verdicts, reviewLog, notifier);
    }

    public URI uri() {
        return server.uri();
    }

    public VerdictLoop verdicts() {
        return verdicts;
    }

    /** Stops evaluating, stops taking requests (letting those in flight finish), flushes the store (or closes the remote source). */
    @Override
    public void close() throws Exception {
        verdicts.close();
        notifier.close();
        try {
            server.close();
        } finally {
            try {
                signals.close();
            } finally {
                reviewLog.close();
            }
        }
    }
}
