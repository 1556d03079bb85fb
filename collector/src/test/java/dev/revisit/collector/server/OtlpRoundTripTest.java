package dev.revisit.collector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.store.GaugeWindow;
import dev.revisit.collector.store.HistogramWindow;
import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.Series;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OTLP from the OpenTelemetry SDK into the collector: protobuf through the SDK's own
 * {@link OtlpHttpMetricExporter} (plain and gzip), JSON as the SDK's OTLP JSON marshaler writes
 * it (the Java exporter has no JSON option), each cumulative and delta.
 */
class OtlpRoundTripTest {

    private final MemoryStore store = new MemoryStore();
    private CollectorServer server;

    @BeforeEach
    void start() throws Exception {
        server = CollectorServer.start(ServerConfig.DEFAULT.withPort(0), store);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"protobuf, cumulative", "protobuf, delta", "gzip, cumulative", "json, cumulative", "json, delta"})
    void sdkMetricsArriveWithTheirValues(String encoding, String temporality) throws Exception {
        boolean delta = temporality.equals("delta");
        MetricExporter exporter = encoding.equals("json") ? new JsonPoster(server.uri(), delta)
                : OtlpHttpMetricExporter.builder()
                    .setEndpoint(server.uri() + "/v1/metrics")
                    .setCompression(encoding.equals("gzip") ? "gzip" : "none")
                    .setAggregationTemporalitySelector(delta ? AggregationTemporalitySelector.deltaPreferred()
                            : AggregationTemporalitySelector.alwaysCumulative())
                    .build();
        PeriodicMetricReader reader = PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build();
        long begin = System.currentTimeMillis();
        try (SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "catalog",
                        AttributeKey.stringKey("cache.name"), "from-resource"))))
                .registerMetricReader(reader)
                .registerView(InstrumentSelector.builder().setName("exp.duration").build(),
                        View.builder().setAggregation(Aggregation.base2ExponentialBucketHistogram(160, 20)).build())
                .build()) {
            Meter meter = provider.get("test");
            LongCounter requests = meter.counterBuilder("revisit.cache.requests").build();
            DoubleGauge lag = meter.gaugeBuilder("revisit.messaging.consumer.lag").build();
            DoubleHistogram latency = meter.histogramBuilder("db.client.operation.duration").setUnit("s").build();
            DoubleHistogram exp = meter.histogramBuilder("exp.duration").setUnit("s").build();
            Attributes hit = Attributes.of(AttributeKey.stringKey("cache.result"), "hit",
                    AttributeKey.stringKey("cache.name"), "products");

            requests.add(5, hit);
            lag.set(7);
            latency.record(0.003);
            exp.record(1.0);
            flush(reader);
            requests.add(3, hit);
            lag.set(42);
            latency.record(0.2);
            latency.record(6);
            exp.record(3.0);
            exp.record(100.0);
            flush(reader);
        }
        long from = begin - 1, to = System.currentTimeMillis() + 1;

        Predicate<Labels> catalogHits = l -> "catalog".equals(l.get("service.name")) && "hit".equals(l.get("cache.result"));
        List<Series> hits = store.find("revisit.cache.requests", catalogHits);
        assertEquals(1, hits.size(), () -> store.find("revisit.cache.requests", l -> true).toString());
        assertEquals("products", hits.get(0).labels().get("cache.name"), "a point attribute wins over the resource's");
        assertEquals(8, store.increase(hits.get(0), from, to).getAsDouble(), 1e-9);

        Series lagSeries = store.find("revisit.messaging.consumer.lag", l -> true).get(0);
        GaugeWindow g = store.gauge(lagSeries, from, to).orElseThrow();
        assertEquals(42, g.last());
        assertEquals(7, g.min());

        Series db = store.find("db.client.operation.duration", l -> true).get(0);
        HistogramWindow h = store.histogramIncrease(db, from, to).orElseThrow();
        assertEquals(3, h.count());
        assertEquals(6.203, h.sum(), 1e-9);
        assertEquals(2, h.counts()[1], "0.003 and 0.2 fall in (0, 5]");
        assertEquals(1, h.counts()[2], "6 falls in (5, 10]");

        Series e = store.find("exp.duration", l -> true).get(0);
        HistogramWindow x = store.histogramIncrease(e, from, to).orElseThrow();
        assertEquals(3, x.count());
        assertEquals(104, x.sum(), 1e-9);
        for (double v : new double[] {1.0, 3.0, 100.0}) {
            int bucket = bucketOf(x.bounds(), v);
            assertEquals(1, x.counts()[bucket], "one value in the bucket of " + v);
            double lower = bucket == 0 ? 0 : x.bounds()[bucket - 1];
            assertTrue(v / lower <= Math.pow(2, 0.25) + 1e-9, "buckets at most 2^(1/4) wide: " + lower + " for " + v);
        }
    }

    private static int bucketOf(double[] bounds, double v) {
        int i = 0;
        while (i < bounds.length && v > bounds[i]) i++;
        return i;
    }

    private static void flush(PeriodicMetricReader reader) {
        CompletableResultCode done = reader.forceFlush().join(10, TimeUnit.SECONDS);
        assertTrue(done.isSuccess(), "export succeeded");
    }

    /** Posts what the SDK collects as OTLP JSON, written by the SDK's own marshaler. */
    private static final class JsonPoster implements MetricExporter {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI endpoint;
        private final boolean delta;

        JsonPoster(URI base, boolean delta) {
            this.endpoint = URI.create(base + "/v1/metrics");
            this.delta = delta;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            try {
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                MetricsRequestMarshaler.create(metrics).writeJsonTo(json);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                assertEquals("{}", response.body());
                return CompletableResultCode.ofSuccess();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return delta ? AggregationTemporalitySelector.deltaPreferred().getAggregationTemporality(type)
                    : AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
