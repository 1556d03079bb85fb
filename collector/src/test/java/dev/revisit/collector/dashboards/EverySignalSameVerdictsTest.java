package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Coverage;
import dev.revisit.collector.catalog.Feed;
import dev.revisit.collector.catalog.Signal;
import dev.revisit.collector.catalog.Unit;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.prometheus.PrometheusEndpoint;
import dev.revisit.collector.prometheus.PrometheusQueries;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.Verdict;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same data, same verdict, for every signal of the catalog: one recording of every metric the
 * catalog reads goes into the embedded store and, backfilled, into a real Prometheus; for each
 * signal one assumption holds, one is at risk and one is broken for longer than its {@code for}
 * (thresholds set from the embedded store's value, so the data decides); plus {@code coverage}.
 * Both sources must give equal verdicts, equal "since" and values within 1e-9 + 1e-6 × |value|.
 *
 * <p>Why they can be equal at all: rates are constant per series, and the evaluation instant and
 * every replay step fall between samples, so Prometheus' {@code rate} extrapolation and its
 * closed range selectors (2.x includes a sample exactly at the window's start) select and scale
 * the same increase the embedded store computes over its half-open windows.
 */
class EverySignalSameVerdictsTest {

    private static final int STEPS = 80; // 20 minutes
    /** Off the samples' 15 s grid, as is every replay step (50 s apart, windows of 5 m). */
    private static final Instant AT = Instant.ofEpochMilli(Feed.T0 + 1187_000);
    private static final String JVM_1 = "service.name=shop,service.instance.id=shop-1";
    private static final String JVM_2 = "service.name=shop,service.instance.id=shop-2";

    private static ContractRecording record() {
        long[] fast = {20, 30, 25, 10, 5, 3, 2, 1, 0, 0, 0, 0};
        long[] slow = {0, 0, 1, 2, 4, 6, 5, 3, 2, 1, 0, 1};
        double[] means = {0.003, 0.008, 0.02, 0.04, 0.08, 0.2, 0.4, 0.8, 2, 4, 8, 12};
        ContractRecording r = new ContractRecording(STEPS);
        r.counter("revisit.cache.requests", "revisit_cache_requests", JVM_1 + ",cache.system=caffeine,cache.name=products,cache.result=hit", 70);
        r.counter("revisit.cache.requests", "revisit_cache_requests", JVM_1 + ",cache.system=caffeine,cache.name=products,cache.result=miss", 30);
        r.histogram("db.client.operation.duration", "db_client_operation_duration_seconds",
                JVM_1 + ",db.system.name=postgresql,db.operation.name=SELECT,db.collection.name=orders", fast, means);
        r.histogram("db.client.operation.duration", "db_client_operation_duration_seconds",
                JVM_1 + ",db.system.name=postgresql,db.operation.name=UPDATE,db.collection.name=orders,error.type=timeout", slow, means);
        r.histogram("db.client.connection.wait_time", "db_client_connection_wait_time_seconds",
                JVM_1 + ",db.client.connection.pool.name=HikariPool-1", fast, means);
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            r.gauge("revisit.messaging.consumer.lag", "revisit_messaging_consumer_lag", JVM_1 + ",messaging.system=kafka,"
                    + "messaging.destination.name=orders,messaging.consumer.group.name=billing,messaging.destination.partition.id="
                    + p, t -> 100 + 40 * p + (t / 15) % 7);
        }
        // one backlog several series report, counted once: a RabbitMQ queue's depth as every consuming
        // instance sees it, and Kafka partition 2 from its previous owner too (after a rebalance)
        for (String jvm : List.of(JVM_1, JVM_2)) {
            r.gauge("revisit.messaging.consumer.lag", "revisit_messaging_consumer_lag", jvm + ",messaging.system=rabbitmq,"
                    + "messaging.destination.name=emails,messaging.consumer.group.name=mailer", t -> 250 + (t / 15) % 5);
        }
        r.gauge("revisit.messaging.consumer.lag", "revisit_messaging_consumer_lag", JVM_2 + ",messaging.system=kafka,"
                + "messaging.destination.name=orders,messaging.consumer.group.name=billing,messaging.destination.partition.id=2",
                t -> 90 + (t / 15) % 3);
        r.histogram("revisit.messaging.delivery.delay", "revisit_messaging_delivery_delay_seconds",
                JVM_1 + ",messaging.system=kafka,messaging.destination.name=orders,messaging.consumer.group.name=billing", slow, means);
        r.histogram("revisit.executor.queue.wait", "revisit_executor_queue_wait_seconds", JVM_1 + ",executor.name=mail", fast, means);
        r.histogram("revisit.auth.duration", "revisit_auth_duration_seconds", JVM_1 + ",auth.mechanism=jwt,auth.outcome=success",
                fast, means);
        r.histogram("revisit.auth.duration", "revisit_auth_duration_seconds",
                JVM_1 + ",auth.mechanism=password-hash,auth.outcome=failure", new long[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}, means);
        String route = JVM_1 + ",http.request.method=GET,url.scheme=http,";
        r.histogram("http.server.request.duration", "http_server_request_duration_seconds",
                route + "http.route=/v1/products,http.response.status_code=200,api.version=v1", slow, means);
        r.histogram("http.server.request.duration", "http_server_request_duration_seconds",
                route + "http.route=/v1/products,http.response.status_code=503,api.version=v1", new long[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, means);
        r.histogram("http.server.request.duration", "http_server_request_duration_seconds",
                route + "http.route=/v2/products,http.response.status_code=200,api.version=v2", fast, means);
        for (String jvm : List.of(JVM_1, JVM_2)) {
            double load = jvm.equals(JVM_1) ? 1 : 2;
            r.gauge("jvm.memory.used", "jvm_memory_used_bytes", jvm + ",jvm.memory.type=heap,jvm.memory.pool.name=G1 Old Gen",
                    t -> load * 1e8 + 1e5 * ((t / 15) % 11));
            r.gauge("jvm.memory.limit", "jvm_memory_limit_bytes", jvm + ",jvm.memory.type=heap,jvm.memory.pool.name=G1 Old Gen",
                    t -> 5e8);
            r.gauge("jvm.cpu.recent_utilization", "jvm_cpu_recent_utilization_ratio", jvm, t -> 0.1 * load + 0.01 * ((t / 15) % 5));
            r.histogram("jvm.gc.duration", "jvm_gc_duration_seconds", jvm + ",jvm.gc.name=G1 Young Generation,jvm.gc.action=end of minor GC",
                    new long[] {0, (long) load, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, means);
            r.gauge("revisit.jvm.startup.duration", "revisit_jvm_startup_duration_seconds", jvm, t -> 3 + load);
        }
        return r;
    }

    @Test
    void everyCatalogSignalGivesTheSameVerdictsFromBothStores(@TempDir Path dir) throws Exception {
        ContractRecording recording = record();
        Path data = Files.writeString(dir.resolve("signals.om"), recording.openMetrics());
        Tool.Result backfill = Tool.require("promtool", "prometheus").run(dir, "tsdb", "create-blocks-from", "openmetrics",
                data.toString(), dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());

        List<Signal> signals = Catalog.builtIn().signals().stream()
                .filter(s -> !(s.computation() instanceof Coverage)).toList();
        Map<String, Double> measured = new LinkedHashMap<>();
        for (AssumptionVerdict probe : assumptions(Evaluator.evaluate(read(probes(signals)), recording.feed().store(), AT))) {
            assertFalse(Double.isNaN(probe.value()), "the recording feeds " + probe.assumption().signal().name());
            assertTrue(probe.value() > 0, probe.assumption().signal().name() + " = " + probe.value());
            measured.put(probe.assumption().signal().name(), probe.value());
        }
        DecisionsFile file = read(decisions(signals, measured));

        List<AssumptionVerdict> embedded = assumptions(Evaluator.evaluate(file, recording.feed().store(), AT));
        List<AssumptionVerdict> viaPrometheus;
        try (PrometheusServer prometheus = PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir, "global:\n  scrape_interval: 1m\n");
             PrometheusSource source = new PrometheusSource(new PrometheusQueries(
                     new PrometheusEndpoint(prometheus.base(), "", Map.of(), Duration.ofSeconds(10))))) {
            viaPrometheus = assumptions(Evaluator.evaluate(file, source, AT));
        }

        assertEquals(signals.size() * 3 + 1, embedded.size());
        Map<String, Set<Verdict>> seen = new LinkedHashMap<>();
        for (int i = 0; i < embedded.size(); i++) {
            AssumptionVerdict e = embedded.get(i);
            AssumptionVerdict p = viaPrometheus.get(i);
            String what = e.assumption().signal().name() + " " + e.assumption().expect().text();
            assertEquals(e.verdict(), p.verdict(), what + ": embedded " + e.reason() + " / prometheus " + p.reason());
            assertEquals(e.value(), p.value(), 1e-9 + 1e-6 * Math.abs(e.value()), what);
            assertEquals(e.since(), p.since(), what);
            seen.computeIfAbsent(e.assumption().signal().name(), k -> EnumSet.noneOf(Verdict.class)).add(e.verdict());
        }
        for (Signal s : signals) {
            assertEquals(EnumSet.of(Verdict.HOLDS, Verdict.AT_RISK, Verdict.REVIEW), seen.get(s.name()),
                    s.name() + ": the data decides every kind of verdict");
        }
        assertEquals(Verdict.HOLDS, embedded.get(embedded.size() - 1).verdict(), "coverage: every assumption has data");
    }

    /** One assumption per signal that any value passes: to read each signal's value from the embedded store. */
    private static String probes(List<Signal> signals) {
        StringBuilder yaml = new StringBuilder("decisions:\n");
        for (Signal s : signals) {
            decision(yaml, s, List.of(">= " + amount(0, s.unit())));
        }
        return yaml.toString();
    }

    /** Per signal: holds (half the value), at risk (5 % above it, inside the 10 % margin), broken (half of it, upside down). */
    private static String decisions(List<Signal> signals, Map<String, Double> measured) {
        StringBuilder yaml = new StringBuilder("decisions:\n");
        for (Signal s : signals) {
            double v = measured.get(s.name());
            decision(yaml, s, List.of("> " + amount(v / 2, s.unit()), "< " + amount(v * 1.05, s.unit()),
                    "< " + amount(v / 2, s.unit())));
        }
        yaml.append("""
                  - id: COVERAGE
                    title: Every assumption can be checked
                    area: observability
                    decided: 2026-01-01
                    assumptions:
                      - { signal: coverage, expect: ">= 0.9" }
                """);
        return yaml.toString();
    }

    private static void decision(StringBuilder yaml, Signal s, List<String> expectations) {
        String scope = s.requiredScope().contains("api.version") ? "{ service.name: shop, api.version: v1 }" : "{ service.name: shop }";
        yaml.append("  - id: S-").append(s.name()).append('\n')
                .append("    title: ").append(s.name()).append('\n')
                .append("    area: ").append(s.areas().iterator().next().key()).append('\n')
                .append("    decided: 2026-01-01\n")
                .append("    assumptions:\n");
        for (String expect : expectations) {
            yaml.append("      - { signal: ").append(s.name()).append(", scope: ").append(scope).append(", expect: \"")
                    .append(expect).append("\", window: 5m, for: 5m }\n");
        }
    }

    private static String amount(double value, Unit unit) {
        String number = String.format(Locale.ROOT, "%.9g", value).replaceAll("\\.?0+(e|$)", "$1");
        return unit == Unit.SECONDS ? number + "s" : number;
    }

    private static DecisionsFile read(String yaml) throws Exception {
        return new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(yaml));
    }

    private static List<AssumptionVerdict> assumptions(Evaluation evaluation) {
        return evaluation.decisions().stream().flatMap(d -> d.assumptions().stream()).toList();
    }
}
