package dev.revisit.collector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedInputStream;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.Series;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a sender gets back for requests the collector cannot take whole. */
class OtlpHttpErrorsTest {

    private static final int LIMIT = 64 * 1024;
    private final MemoryStore store = new MemoryStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private CollectorServer server;
    private URI endpoint;

    @BeforeEach
    void start() throws Exception {
        server = CollectorServer.start(new ServerConfig("127.0.0.1", 0, LIMIT), store);
        endpoint = URI.create(server.uri() + "/v1/metrics");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<byte[]> post(String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) b.header("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Decodes a google.rpc.Status: field 1 code, field 2 message. */
    private static String statusMessage(byte[] body, int expectCode) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body);
        int code = -1;
        String message = null;
        for (int tag; (tag = in.readTag()) != 0; ) {
            if (tag >>> 3 == 1) code = in.readInt32();
            else if (tag >>> 3 == 2) message = in.readString();
            else in.skipField(tag);
        }
        assertEquals(expectCode, code);
        return message;
    }

    static ExportMetricsServiceRequest gauges(String service, int points, double value, long timeNanos) {
        Gauge.Builder g = Gauge.newBuilder();
        for (int i = 0; i < points; i++) {
            g.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(timeNanos).setAsDouble(value)
                    .addAttributes(KeyValue.newBuilder().setKey("i").setValue(AnyValue.newBuilder().setIntValue(i))));
        }
        return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
                .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder().addAttributes(
                        KeyValue.newBuilder().setKey("service.name").setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName("g").setGauge(g))))
                .build();
    }

    @Test
    void garbageProtobufGets400WithAStatus() throws Exception {
        HttpResponse<byte[]> r = post("application/x-protobuf", new byte[] {(byte) 0xff, 0x13, 0x37, 0x00, 0x42});
        assertEquals(400, r.statusCode());
        assertEquals("application/x-protobuf", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(statusMessage(r.body(), 3).startsWith("not an OTLP ExportMetricsServiceRequest in protobuf"));
    }

    @Test
    void garbageJsonGets400WithAJsonStatus() throws Exception {
        HttpResponse<byte[]> r = post("application/json", "{\"resourceMetrics\": [{\"scopeMetrics\": 12}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("{\"code\":3,\"message\":\"not an OTLP ExportMetricsServiceRequest in JSON"), body);
    }

    @Test
    void otlpJsonRulesAreAccepted() throws Exception {
        // int64 as strings, enums as integers, unknown fields ignored
        String json = """
                {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},
                 "scopeMetrics":[{"scope":{"name":"x","futureField":1},"metrics":[{"name":"c","sum":{"aggregationTemporality":2,"isMonotonic":true,
                 "dataPoints":[{"startTimeUnixNano":"1800000000000000000","timeUnixNano":"1800000060000000000","asInt":"7"}]}}]}]}]}""";
        HttpResponse<byte[]> r = post("application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Series c = store.find("c", l -> "svc".equals(l.get("service.name"))).get(0);
        assertEquals(7, store.increase(c, 1_800_000_000_000L - 1, 1_800_000_060_000L).getAsDouble());
    }

    @Test
    void wrongContentTypeMethodAndEncoding() throws Exception {
        assertEquals(415, post("text/plain", new byte[] {1}).statusCode());
        assertEquals(415, post(null, new byte[] {1}).statusCode());
        assertEquals(415, post("application/x-protobuf", new byte[] {1}, "Content-Encoding", "br").statusCode());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/traces"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void oversizedRequestsGet413BeforeOrAfterGzip() throws Exception {
        HttpResponse<byte[]> big = post("application/x-protobuf", new byte[LIMIT + 1]);
        assertEquals(413, big.statusCode());
        assertTrue(statusMessage(big.body(), 8).contains("exceeds the limit of " + LIMIT));
        // a small gzip body that inflates past the limit
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[LIMIT * 4]);
        }
        HttpResponse<byte[]> bomb = post("application/x-protobuf", zipped.toByteArray(), "Content-Encoding", "gzip");
        assertEquals(413, bomb.statusCode());
        assertTrue(statusMessage(bomb.body(), 8).startsWith("decompressed request exceeds"));
        HttpResponse<byte[]> badZip = post("application/x-protobuf", new byte[] {1, 2, 3}, "Content-Encoding", "gzip");
        assertEquals(400, badZip.statusCode());
        // gzip within the limit is fine
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(ok)) {
            gauges("svc", 3, 1, 1_800_000_000_000_000_000L).writeTo(gz);
        }
        assertEquals(200, post("application/x-protobuf", ok.toByteArray(), "Content-Encoding", "gzip").statusCode());
        assertEquals(3, store.find("g", l -> true).size());
    }

    @Test
    void partialSuccessNamesWhatWasDropped() throws Exception {
        ExportMetricsServiceRequest nan = gauges("svc", 2, Double.NaN, 1_800_000_000_000_000_000L);
        ExportMetricsServiceRequest request = nan.toBuilder().addResourceMetrics(gauges("svc", 3, 1.5, 1_800_000_000_000_000_000L)
                        .getResourceMetrics(0).toBuilder()
                        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder().setName("latency.summary")
                                .setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder().setTimeUnixNano(1))))))
                .build();
        HttpResponse<byte[]> r = post("application/x-protobuf", request.toByteArray());
        assertEquals(200, r.statusCode());
        ExportMetricsServiceResponse answer = ExportMetricsServiceResponse.parseFrom(r.body());
        assertEquals(3, answer.getPartialSuccess().getRejectedDataPoints());
        assertEquals("3 data points rejected: 2 not finite (NaN or infinite) (first in metric g); "
                + "1 in summaries (unsupported: send histograms) (first in metric latency.summary)",
                answer.getPartialSuccess().getErrorMessage());
        assertEquals(3, store.find("g", l -> true).size(), "the good points are stored");
    }

    @Test
    void seriesCapIsReportedAsPartialSuccess() throws Exception {
        try (CollectorServer small = CollectorServer.start(new ServerConfig("127.0.0.1", 0, LIMIT),
                new MemoryStore(dev.revisit.collector.store.StoreConfig.DEFAULT.withMaxSeries(2)))) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(small.uri() + "/v1/metrics"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gauges("svc", 5, 1, 1_800_000_000_000_000_000L).toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            ExportMetricsServiceResponse answer = ExportMetricsServiceResponse.parseFrom(r.body());
            assertEquals(3, answer.getPartialSuccess().getRejectedDataPoints());
            assertTrue(answer.getPartialSuccess().getErrorMessage().contains("over the series cap"));
        }
    }

    @Test
    void aSenderOfGarbageDoesNotDisturbTheOthers() throws Exception {
        int senders = 4, requests = 50, points = 100;
        ExecutorService pool = Executors.newFixedThreadPool(senders + 1);
        try {
            List<Future<Integer>> good = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                String service = "svc-" + s;
                good.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 1; i <= requests; i++) {
                        byte[] body = gauges(service, points, i, 1_800_000_000_000_000_000L + i * 1_000_000_000L).toByteArray();
                        if (post("application/x-protobuf", body).statusCode() == 200) ok++;
                    }
                    return ok;
                }));
            }
            Future<Integer> bad = pool.submit(() -> {
                int rejected = 0;
                java.util.Random random = new java.util.Random(42);
                for (int i = 0; i < requests * 2; i++) {
                    byte[] junk = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(junk);
                    junk[0] = (byte) 0xff; // an invalid tag, so the payload never parses by chance
                    boolean json = i % 2 == 0;
                    if (post(json ? "application/json" : "application/x-protobuf", json ? "{\"resourceMetrics\":[".getBytes() : junk).statusCode() == 400) {
                        rejected++;
                    }
                }
                return rejected;
            });
            for (Future<Integer> f : good) assertEquals(requests, f.get());
            assertEquals(requests * 2, bad.get());
        } finally {
            pool.shutdownNow();
        }
        for (int s = 0; s < senders; s++) {
            String service = "svc-" + s;
            List<Series> series = store.find("g", l -> service.equals(l.get("service.name")));
            assertEquals(points, series.size());
            for (Series one : series) {
                assertEquals(requests, store.gauge(one, 0, Long.MAX_VALUE).orElseThrow().samples(), "every good point was stored");
            }
        }
    }
}
