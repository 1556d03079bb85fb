package dev.revisit.examples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus on a free loopback port, data in a temporary directory, and its HTTP API.
 * A trimmed copy of collector/src/test/…/dashboards/PrometheusServer (test classes of another
 * module are not on this one's class path); here the caller picks the port, to put it nowhere else.
 */
final class Prometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Prometheus(ChildProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** The binary on the PATH, if any. */
    static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Prometheus start(Path binary, Path dir, String config, int port) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
        ChildProcess process = ChildProcess.start("prometheus", dir, List.of(binary.toString(),
                "--config.file=" + file, "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + port));
        Prometheus prometheus = new Prometheus(process, URI.create("http://127.0.0.1:" + port));
        prometheus.awaitReady();
        return prometheus;
    }

    /** GET {@code path} with {@code name=value} query parameters: the JSON body. */
    JsonNode get(String path, String... params) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(path);
        for (int i = 0; i < params.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(uri.toString()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    String log() throws IOException {
        return process.log();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("prometheus not ready in 30 s:\n" + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
