package dev.revisit.agent.export.otlp;

import dev.revisit.agent.export.MetricExporter;
import dev.revisit.agent.log.Outage;
import dev.revisit.agent.recorder.MetricView;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OTLP/HTTP protobuf push through the OpenTelemetry SDK's exporter on the JDK HTTP client.
 * Only the exporter is used: the recorder already aggregates, so there is no SDK
 * MeterProvider. No retries inside a push: the next interval is the retry.
 */
public final class OtlpExporter implements MetricExporter {
    /** The SDK logs export failures through java.util.logging; the agent reports them itself. */
    private static final Logger SDK_LOGGER = Logger.getLogger(OtlpHttpMetricExporter.class.getPackageName().replaceAll("\\.exporter\\..*", ""));

    private final OtlpHttpMetricExporter exporter;
    private final MetricDataMapper mapper;
    private final Duration timeout;
    private final Outage outage;

    public OtlpExporter(URI endpoint, Duration timeout, Map<String, String> resource, long startEpochNanos) {
        SDK_LOGGER.setLevel(Level.OFF);
        this.exporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(endpoint.toString())
                .setTimeout(timeout)
                .setConnectTimeout(timeout)
                .setRetryPolicy(null)
                .setMeterProvider(MeterProvider::noop)
                .setComponentLoader(new PlainHttpSenders(ComponentLoader.forClassLoader(OtlpExporter.class.getClassLoader())))
                .build();
        this.mapper = new MetricDataMapper(resource(resource), startEpochNanos);
        this.timeout = timeout;
        this.outage = new Outage("OTLP export to " + endpoint);
    }

    private static Resource resource(Map<String, String> attributes) {
        io.opentelemetry.api.common.AttributesBuilder builder = io.opentelemetry.api.common.Attributes.builder();
        attributes.forEach(builder::put);
        return Resource.create(builder.build());
    }

    @Override
    public boolean export(List<MetricView> metrics, long epochNanos) {
        if (metrics.isEmpty()) {
            return true;
        }
        CompletableResultCode result = exporter.export(mapper.map(metrics, epochNanos));
        result.join(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        if (result.isSuccess()) {
            outage.succeeded();
            return true;
        }
        Throwable failure = result.getFailureThrowable();
        outage.failed(!result.isDone() ? "timed out after " + timeout.toMillis() + " ms"
                : failure == null ? "rejected" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return false;
    }

    @Override
    public void shutdown() {
        exporter.shutdown().join(1, TimeUnit.SECONDS);
    }
}
