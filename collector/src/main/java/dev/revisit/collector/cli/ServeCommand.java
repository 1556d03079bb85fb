package dev.revisit.collector.cli;

import dev.revisit.collector.api.BearerToken;
import dev.revisit.collector.api.ServiceOptions;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.notify.Webhook;
import dev.revisit.collector.reviewlog.ReviewLogUnavailableException;
import dev.revisit.collector.decisions.DecisionsException;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.engine.DecisionsWatch;
import dev.revisit.collector.engine.RunningCollector;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: receives OTLP on {@code /v1/metrics}, keeps the store in the data directory,
 * re-evaluates every interval and reloads the decisions file when it changes. Runs until stopped
 * (SIGINT/SIGTERM), then flushes the store. With {@code --source prometheus} it reads a
 * Prometheus-compatible store instead, and refuses OTLP.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Receives signals over OTLP/HTTP (or reads them from a Prometheus-compatible query API with "
                + "--source prometheus) and keeps every decision's verdict current.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", required = true, paramLabel = "FILE", description = "the decisions file (reloaded on change)")
    Path decisions;

    @Mixin
    StoreOptions store;

    @Mixin
    SourceOptions sources;

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host = ServerConfig.DEFAULT.host();

    @Option(names = "--port", description = "port for OTLP/HTTP and the API (default: ${DEFAULT-VALUE})")
    int port = ServerConfig.OTLP_HTTP_PORT;

    @Option(names = "--interval", paramLabel = "DURATION", description = "how often verdicts are re-evaluated (default: 15s)")
    String interval = "15s";

    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "the review log's database, e.g. jdbc:postgresql://db/revisit?user=revisit (default: embedded H2 in the data directory)")
    String database;

    @Option(names = "--api-token-file", paramLabel = "FILE",
            description = "file holding the bearer token the API's writes need (without one, writes are refused)")
    Path tokenFile;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "post each verdict transition here as Alertmanager webhook JSON (version 4); repeatable")
    java.util.List<java.net.URI> webhooks = new java.util.ArrayList<>();

    @Option(names = "--slack-webhook", paramLabel = "URL",
            description = "post each verdict transition here as a Slack-compatible message; repeatable")
    java.util.List<java.net.URI> slackWebhooks = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration every;
        try {
            every = Durations.parse(interval);
        } catch (IllegalArgumentException e) {
            err.println("--interval: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        String sourceProblem = sources.problem();
        if (sourceProblem != null) {
            err.println(sourceProblem);
            err.flush();
            return Main.USAGE;
        }
        if (!Files.isRegularFile(decisions)) {
            err.println(decisions + ": no such file");
            err.flush();
            return Main.USAGE;
        }
        DecisionsWatch watch;
        try {
            watch = new DecisionsWatch(decisions, new DecisionsReader(Catalog.builtIn()));
        } catch (DecisionsException e) {
            e.problems().forEach(err::println);
            err.flush();
            return Main.MISTAKES;
        }
        BearerToken token = BearerToken.NONE;
        if (tokenFile != null) {
            try {
                token = BearerToken.of(Files.readString(tokenFile));
            } catch (java.io.IOException | IllegalArgumentException e) {
                err.println("--api-token-file " + tokenFile + ": " + e.getMessage());
                err.flush();
                return Main.USAGE;
            }
        }
        java.util.List<Webhook> hooks = new java.util.ArrayList<>();
        try {
            webhooks.forEach(u -> hooks.add(new Webhook(u, Webhook.Format.ALERTMANAGER)));
            slackWebhooks.forEach(u -> hooks.add(new Webhook(u, Webhook.Format.SLACK)));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        RunningCollector collector;
        ServerConfig server = new ServerConfig(host, port, ServerConfig.DEFAULT_MAX_REQUEST_BYTES);
        ServiceOptions service = new ServiceOptions(database, token, hooks);
        try {
            if (sources.prometheus()) {
                PrometheusSource source;
                try {
                    source = sources.open();
                } catch (java.io.IOException | IllegalArgumentException e) {
                    err.println(e.getMessage());
                    err.flush();
                    return Main.USAGE;
                }
                collector = RunningCollector.startReading(source, sources.describe(), watch, store.dataDir, server, every,
                        Clock.systemUTC(), service);
            } else {
                collector = RunningCollector.start(watch, store.dataDir, server, every, Clock.systemUTC(), service);
            }
        } catch (ReviewLogUnavailableException e) {
            err.println("revisit-collector: " + e.getMessage());
            err.flush();
            return Main.MISTAKES;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                collector.close();
            } catch (Exception e) {
                System.err.println("revisit-collector: stopping: " + e);
            }
            stopped.countDown();
        }, "revisit-shutdown"));
        out.println("revisit-collector: " + (sources.prometheus()
                ? "signals from " + sources.describe() + " (OTLP refused)"
                : "OTLP/HTTP on " + collector.uri() + "/v1/metrics, data in " + store.dataDir) + ", "
                + watch.current().decisions().size() + " decisions from " + decisions + ", evaluated every "
                + Durations.format(every));
        out.println("revisit-collector: status page " + collector.uri() + "/, API " + collector.uri() + "/api/v1/decisions, Prometheus "
                + collector.uri() + "/metrics" + (tokenFile == null ? " (API writes disabled: no --api-token-file)" : ""));
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
