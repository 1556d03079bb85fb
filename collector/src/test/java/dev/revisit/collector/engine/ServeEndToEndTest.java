package dev.revisit.collector.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.server.ServerConfig;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole collector in-process, as {@code serve} runs it: the OpenTelemetry SDK's own OTLP
 * exporter sends consumer lag, the verdict loop judges it, and a changed decisions file takes
 * effect without a restart.
 */
class ServeEndToEndTest {

    private static final String DECISIONS = """
            decisions:
              - id: ADR-15
                title: Order events go through Kafka
                area: async
                decided: 2026-01-10
                assumptions:
                  - signal: queue.lag.messages
                    scope: { service.name: billing, messaging.destination.name: "orders.*" }
                    expect: "< %s"
                    for: 0s
            """;

    @TempDir
    Path dir;

    private Path writeDecisions(String limit, int version) throws Exception {
        return write(DECISIONS.formatted(limit), version);
    }

    private Path write(String content, int version) throws Exception {
        Path file = dir.resolve("decisions.yaml");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(version)));
        return file;
    }

    @Test
    void signalsSentOverOtlpGetAVerdictAndTheFileReloads() throws Exception {
        Path file = writeDecisions("1000", 0);
        DecisionsWatch watch = new DecisionsWatch(file, new DecisionsReader(Catalog.builtIn()));
        try (RunningCollector collector = RunningCollector.start(watch, dir.resolve("data"),
                ServerConfig.DEFAULT.withPort(0), Duration.ofHours(1), Clock.systemUTC())) {
            PeriodicMetricReader reader = PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                    .setEndpoint(collector.uri() + "/v1/metrics").build()).setInterval(Duration.ofHours(1)).build();
            try (SdkMeterProvider provider = SdkMeterProvider.builder()
                    .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                            AttributeKey.stringKey("service.name"), "billing"))))
                    .registerMetricReader(reader).build()) {
                DoubleGauge lag = provider.get("test").gaugeBuilder("revisit.messaging.consumer.lag").build();
                for (int partition = 0; partition < 3; partition++) {
                    lag.set(2000, Attributes.of(AttributeKey.stringKey("messaging.destination.name"), "orders.eu",
                            AttributeKey.stringKey("messaging.consumer.group.name"), "billing",
                            AttributeKey.stringKey("messaging.destination.partition.id"), Integer.toString(partition)));
                }
                lag.set(99_999, Attributes.of(AttributeKey.stringKey("messaging.destination.name"), "payments"));
                assertTrue(reader.forceFlush().join(10, TimeUnit.SECONDS).isSuccess(), "export accepted");
            }

            Evaluation first = collector.verdicts().round();
            AssumptionVerdict lag = first.decisions().get(0).assumptions().get(0);
            assertEquals(6000, lag.value(), 1e-9, "three partitions of orders.eu, not payments");
            assertEquals(Verdict.REVIEW, lag.verdict());

            writeDecisions("10000", 10);
            Evaluation second = collector.verdicts().round();
            assertEquals(Verdict.HOLDS, second.decisions().get(0).verdict(), second.decisions().get(0).reason());
            assertEquals(1, VerdictLoop.transitions(first, second).size());

            write(DECISIONS.formatted("100").replace("area: async", "area: asink"), 20); // broken: the last good file stays
            Evaluation third = collector.verdicts().round();
            assertEquals(Verdict.HOLDS, third.decisions().get(0).verdict());
            assertEquals(1, watch.rejected().size());
            assertTrue(watch.rejected().get(0).toString().endsWith("decisions.yaml:4:11: unknown area 'asink' (did you mean 'async'?); areas are api, storage, async, auth, "
                            + "caching, observability, deployment"),
                    watch.rejected().get(0).toString());
        }
    }
}
