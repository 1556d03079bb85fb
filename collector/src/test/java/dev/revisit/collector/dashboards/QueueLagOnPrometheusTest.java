package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Feed;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * queue.lag.messages counts a backlog that several consumer instances report once, in the embedded
 * store and in a real Prometheus alike: three instances each seeing a RabbitMQ queue's whole depth
 * of 600 make 600, not 1,800; Kafka partitions owned by different instances add up, and a
 * partition's previous owner's last value next to the new owner's counts once, the larger.
 */
class QueueLagOnPrometheusTest {

    private static final int STEPS = 40; // 10 minutes
    /** Off the samples' 15 s grid, so both stores' windows select the same samples. */
    private static final Instant AT = Instant.ofEpochMilli(Feed.T0 + 547_000);
    private static final String LAG = "revisit.messaging.consumer.lag";
    private static final String PROM_LAG = "revisit_messaging_consumer_lag";

    @Test
    void aBacklogEveryInstanceReportsCountsOnceInBothStores(@TempDir Path dir) throws Exception {
        ContractRecording r = new ContractRecording(STEPS);
        for (String instance : List.of("mailer-1", "mailer-2", "mailer-3")) {
            r.gauge(LAG, PROM_LAG, "service.name=mailer,service.instance.id=" + instance + ",messaging.system=rabbitmq,"
                    + "messaging.destination.name=emails,messaging.consumer.group.name=mailer", t -> 600);
        }
        String orders = ",messaging.system=kafka,messaging.destination.name=orders,messaging.consumer.group.name=billing,"
                + "messaging.destination.partition.id=";
        r.gauge(LAG, PROM_LAG, "service.name=billing,service.instance.id=billing-1" + orders + "0", t -> 100);
        r.gauge(LAG, PROM_LAG, "service.name=billing,service.instance.id=billing-2" + orders + "1", t -> 200);
        // partition 1's other owner (before or after a rebalance), a little behind: max, not sum
        r.gauge(LAG, PROM_LAG, "service.name=billing,service.instance.id=billing-1" + orders + "1", t -> 150);

        Path data = Files.writeString(dir.resolve("lag.om"), r.openMetrics());
        Tool.Result backfill = Tool.require("promtool", "prometheus").run(dir, "tsdb", "create-blocks-from", "openmetrics",
                data.toString(), dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());

        DecisionsFile file = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader("""
                decisions:
                  - id: LAG
                    title: Consumers keep up
                    area: async
                    decided: 2026-01-01
                    assumptions:
                      - { signal: queue.lag.messages, scope: { messaging.system: rabbitmq }, expect: "< 1000", window: 5m }
                      - { signal: queue.lag.messages, scope: { service.name: billing }, expect: "< 400", window: 5m }
                      - { signal: queue.lag.messages, scope: { messaging.destination.partition.id: "1" }, expect: "< 250", window: 5m }
                """));
        List<AssumptionVerdict> embedded = assumptions(Evaluator.evaluate(file, r.feed().store(), AT));
        List<AssumptionVerdict> viaPrometheus;
        try (PrometheusServer prometheus = PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir, "global:\n  scrape_interval: 1m\n");
             PrometheusSource source = new PrometheusSource(new PrometheusQueries(
                     new PrometheusEndpoint(prometheus.base(), "", Map.of(), Duration.ofSeconds(10))))) {
            viaPrometheus = assumptions(Evaluator.evaluate(file, source, AT));
        }
        for (List<AssumptionVerdict> verdicts : List.of(embedded, viaPrometheus)) {
            assertEquals(List.of(600.0, 300.0, 200.0), verdicts.stream().map(AssumptionVerdict::value).toList());
            assertEquals(List.of(Verdict.HOLDS, Verdict.HOLDS, Verdict.HOLDS), verdicts.stream().map(AssumptionVerdict::verdict).toList());
        }
    }

    private static List<AssumptionVerdict> assumptions(Evaluation evaluation) {
        return evaluation.decisions().stream().flatMap(d -> d.assumptions().stream()).toList();
    }
}
