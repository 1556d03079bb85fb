package dev.revisit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A real Prometheus (Debian's package) on a free loopback port, with its data in a temporary
 * directory and its output in {@code prometheus.log} there; and its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final URI base;
    private final HttpClient http;

    private PrometheusServer(ChildProcess process, int port, SSLContext tls) {
        this.process = process;
        this.base = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (tls != null) {
            client.sslContext(tls);
        }
        this.http = client.build();
    }

    /** Starts Prometheus with {@code config} (YAML text) and waits until it is ready. */
    public static PrometheusServer start(Tool prometheus, Path dir, String config) throws IOException, InterruptedException {
        return start(prometheus, dir, config, null, null);
    }

    /**
     * As above, with Prometheus' web configuration ({@code --web.config.file}: TLS, basic auth) when
     * {@code webConfig} is not null; {@code tls} is what this helper's own readiness check trusts
     * and shows. Ready then means answering at all, even 401 to a request without credentials.
     */
    public static PrometheusServer start(Tool prometheus, Path dir, String config, String webConfig, SSLContext tls)
            throws IOException, InterruptedException {
        Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = FreePort.pick();
        List<String> command = new ArrayList<>(List.of(prometheus.binary().toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"),
                // backfilled test data lies at fixed dates: the default 15 d retention would delete it one day
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port));
        if (webConfig != null) {
            command.add("--web.config.file=" + Files.writeString(dir.resolve("web.yml"), webConfig));
        }
        PrometheusServer server = new PrometheusServer(ChildProcess.start("prometheus", dir, command), port, tls);
        server.awaitReady();
        return server;
    }

    /** GET {@code path} with {@code name=value} query parameters; the parsed JSON body, whatever the status. */
    public JsonNode get(String path, String... params) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(path);
        for (int i = 0; i < params.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(uri.toString()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Where its HTTP API listens. */
    public URI base() {
        return base;
    }

    public String log() throws IOException {
        return process.log();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            process.assertAlive();
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base.resolve("/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200 || ready.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("prometheus not ready in 30 s: " + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
