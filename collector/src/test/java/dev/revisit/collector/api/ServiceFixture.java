package dev.revisit.collector.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.engine.DecisionsWatch;
import dev.revisit.collector.engine.RunningCollector;
import dev.revisit.collector.server.ServerConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The collector as {@code serve} runs it, with three decisions whose verdicts differ (review from
 * pushed consumer lag, no_data, review_due) and text that must be escaped wherever it is shown.
 * Signals arrive through the OpenTelemetry SDK's own OTLP exporter.
 */
public final class ServiceFixture {

    public static final String DECISIONS = """
            decisions:
              - id: ADR-15
                title: Order events go through Kafka
                area: async
                owner: team-orders
                decided: 2026-01-10
                link: https://example.com/adr/15
                rationale: Billing must not slow down checkout.
                assumptions:
                  - signal: queue.lag.messages
                    scope: { service.name: billing, messaging.destination.name: "orders.*" }
                    expect: "< 1000"
                    for: 0s
              - id: ADR-16
                title: "Cache <b>catalog</b> & \\"prices\\" <script>alert(1)</script>"
                area: caching
                owner: team-catalog
                decided: 2026-03-02
                rationale: "Reads are <i>most</i> of the load & writes rare."
                assumptions:
                  - signal: db.latency.p99
                    scope: { service.name: catalog }
                    expect: "< 50ms"
                    for: 0s
              - id: ADR-17
                title: Run on Kubernetes
                area: deployment
                owner: team-platform
                decided: 2020-01-01
                review_every: 90d
            """;

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceFixture() {}

    public static Path decisionsFile(Path dir) throws Exception {
        return Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);
    }

    /** Starts a collector on a free loopback port over {@code dir}, pushes lag and evaluates once. */
    public static RunningCollector start(Path dir) throws Exception {
        return start(dir, ServiceOptions.DEFAULT);
    }

    /** As {@link #start(Path)}, with a review log database and token. */
    public static RunningCollector start(Path dir, ServiceOptions options) throws Exception {
        DecisionsWatch watch = new DecisionsWatch(decisionsFile(dir), new DecisionsReader(Catalog.builtIn()));
        RunningCollector collector = RunningCollector.start(watch, dir.resolve("data"),
                ServerConfig.DEFAULT.withPort(0), Duration.ofHours(1), Clock.systemUTC(), options);
        pushLag(collector.uri(), 2000);
        collector.verdicts().round();
        return collector;
    }

    /** Consumer lag of {@code perPartition} on three partitions of orders.eu for service billing. */
    public static void pushLag(URI collector, double perPartition) {
        PeriodicMetricReader reader = PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder()
                .setEndpoint(collector + "/v1/metrics").build()).setInterval(Duration.ofHours(1)).build();
        try (SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "billing"))))
                .registerMetricReader(reader).build()) {
            DoubleGauge lag = provider.get("test").gaugeBuilder("revisit.messaging.consumer.lag").build();
            for (int partition = 0; partition < 3; partition++) {
                lag.set(perPartition, Attributes.of(AttributeKey.stringKey("messaging.destination.name"), "orders.eu",
                        AttributeKey.stringKey("messaging.consumer.group.name"), "billing",
                        AttributeKey.stringKey("messaging.destination.partition.id"), Integer.toString(partition)));
            }
            assertTrue(reader.forceFlush().join(10, TimeUnit.SECONDS).isSuccess(), "export accepted");
        }
    }

    public static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends on a connection of its own: a pooled one may be one the server has just closed after
     * refusing an earlier body, and the JDK client does not retry a POST on it (CI saw "header
     * parser received no bytes" once).
     */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return fresh.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON body of a response with {@code status}. */
    public static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return JSON.readTree(response.body());
    }
}
