package dev.revisit.agent.export.otlp;

import dev.revisit.agent.config.AgentSettings;
import dev.revisit.agent.config.Config;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainHttpSendersTest {

    /** The configuration each sender is built from, as the SDK's JDK sender would receive it. */
    private static HttpSenderConfig senderConfig(String endpoint) {
        List<HttpSenderConfig> received = new ArrayList<>();
        ComponentLoader real = ComponentLoader.forClassLoader(PlainHttpSendersTest.class.getClassLoader());
        HttpSenderProvider recording = config -> {
            received.add(config);
            return ComponentLoader.loadList(real, HttpSenderProvider.class).get(0).createSender(config);
        };
        ComponentLoader onlyRecording = new ComponentLoader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Iterable<T> load(Class<T> type) {
                return type == HttpSenderProvider.class ? List.of((T) recording) : real.load(type);
            }
        };
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder()
                .setEndpoint(endpoint)
                .setMeterProvider(MeterProvider::noop)
                .setComponentLoader(new PlainHttpSenders(onlyRecording))
                .build();
        exporter.shutdown().join(1, TimeUnit.SECONDS);
        assertEquals(1, received.size());
        return received.get(0);
    }

    @Test
    void httpsEndpointKeepsTheJdkDefaultTrust() {
        HttpSenderConfig config = senderConfig("https://collector.example:4318/v1/metrics");
        // The SDK's own context, as before this wrapper: TLS initialised with no trust manager given,
        // i.e. the JDK's default trust, and able to open TLS connections.
        SSLContext context = config.getSslContext();
        assertEquals("TLS", context.getProtocol());
        assertNull(config.getTrustManager());
        assertEquals("collector.example", context.createSSLEngine("collector.example", 4318).getPeerHost());
        assertTrue(context.getDefaultSSLParameters().getProtocols().length > 0);
        assertEquals(URI.create("https://collector.example:4318/v1/metrics"), config.getEndpoint());
    }

    @Test
    void httpEndpointGetsAContextThatRefusesTls() {
        HttpSenderConfig config = senderConfig("http://localhost:4318/v1/metrics");
        SSLContext context = assertInstanceOf(PlainHttpSslContext.class, config.getSslContext());
        assertThrows(UnsupportedOperationException.class, context::createSSLEngine);
        assertThrows(UnsupportedOperationException.class, context::getSocketFactory);
        assertEquals(URI.create("http://localhost:4318/v1/metrics"), config.getEndpoint());
        assertEquals("application/x-protobuf", config.getContentType());
    }

    @Test
    void otherComponentsComeFromTheDelegate() {
        ComponentLoader delegate = new ComponentLoader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Iterable<T> load(Class<T> type) {
                return (Iterable<T>) List.of("from the delegate");
            }
        };
        Iterable<String> loaded = new PlainHttpSenders(delegate).load(String.class);
        assertEquals(List.of("from the delegate"), loaded);
    }

    /**
     * What the agent builds at its start — the settings (instance id) and the OTLP exporter for
     * the default http:// endpoint — in a fresh JVM: neither the TLS stack nor a security
     * provider (SecureRandom) is loaded.
     */
    @Test
    void startingTheExporterLoadsNoTlsAndNoSecurityProvider() throws Exception {
        Path log = Files.createTempFile("class-load", ".log");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + log,
                    "-cp", System.getProperty("java.class.path"), StartExporter.class.getName())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
            assertEquals(0, child.exitValue());
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.stream().anyMatch(l -> l.contains(OtlpHttpMetricExporter.class.getName())), "the exporter was built");
            String security = lines.stream()
                    .filter(l -> l.contains(" sun.security.ssl.") || l.contains(" sun.security.provider."))
                    .collect(Collectors.joining("\n"));
            assertEquals("", security);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static final class StartExporter {
        public static void main(String[] args) {
            AgentSettings settings = AgentSettings.from(new Config(Map.of(), Map.of()));
            OtlpExporter exporter = new OtlpExporter(settings.otlpMetricsEndpoint(), Duration.ofSeconds(1), settings.resource(), 0);
            assertSame(settings.resource(), settings.resource());
            exporter.shutdown();
        }
    }
}
