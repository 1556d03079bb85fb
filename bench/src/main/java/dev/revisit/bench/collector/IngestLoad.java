package dev.revisit.bench.collector;

import dev.revisit.collector.server.CollectorServer;
import dev.revisit.collector.server.ServerConfig;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.PersistentStore;
import dev.revisit.collector.store.StoreConfig;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * OTLP/HTTP protobuf ingest, end to end on loopback: client threads post pre-serialised requests
 * to an in-process collector. Four servers run one after the other in the same JVM so each
 * figure has its baseline from the same run:
 * <ol>
 *   <li>{@code transport}: Jetty reads the body and answers 200 (the HTTP ceiling);</li>
 *   <li>{@code parse}: the body is also parsed as an ExportMetricsServiceRequest;</li>
 *   <li>{@code memory}: the collector's real /v1/metrics into an in-memory store;</li>
 *   <li>{@code persistent}: the same with the data-directory log (1 s flush).</li>
 * </ol>
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.revisit.bench.collector.IngestLoad [seconds] [threads] [senders] [points]}
 */
public final class IngestLoad {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int points = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        if (senders % threads != 0) throw new IllegalArgumentException("senders must be a multiple of threads (each thread owns its senders)");
        long start = System.currentTimeMillis() * 1_000_000L;
        List<IngestRequests> requests = new ArrayList<>();
        for (int s = 0; s < senders; s++) requests.add(new IngestRequests(s, points, start));
        System.out.printf("%d threads, %d senders x %d points (%d series), %.0f KiB per request, %d s per mode after %d s warm-up%n",
                threads, senders, points, senders * points, requests.get(0).size() / 1024.0, seconds, Math.max(5, seconds / 2));

        double transport = run("transport", threads, seconds, requests, start, new Discard(false), null);
        double parse = run("parse", threads, seconds, requests, start, new Discard(true), null);
        double memory = run("memory", threads, seconds, requests, start, null, new MemoryStore(StoreConfig.DEFAULT));
        Path dir = Files.createTempDirectory("revisit-bench");
        double persistent;
        try (PersistentStore store = PersistentStore.open(dir, StoreConfig.DEFAULT, PersistentStore.DEFAULT_FLUSH_INTERVAL)) {
            persistent = run("persistent", threads, seconds, requests, start, null, store.store());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
        System.out.printf("%nratios to transport: parse %.2f, memory %.2f, persistent %.2f; persistent/memory %.2f%n",
                parse / transport, memory / transport, persistent / transport, persistent / memory);
    }

    private static double run(String mode, int threads, int seconds, List<IngestRequests> requests, long startNanos,
                              Handler baseline, MemoryStore store) throws Exception {
        MemoryStore target = store != null ? store : new MemoryStore();
        Map<String, Handler> routes = baseline == null ? Map.of() : Map.of("/baseline", baseline);
        try (CollectorServer server = CollectorServer.start(ServerConfig.DEFAULT.withPort(0), target, routes)) {
            URI uri = URI.create(server.uri() + (baseline == null ? "/v1/metrics" : "/baseline"));
            AtomicBoolean measuring = new AtomicBoolean(), stop = new AtomicBoolean();
            AtomicLong accepted = new AtomicLong(), rejected = new AtomicLong(), posted = new AtomicLong(), failures = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                Thread client = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    long[] round = new long[requests.size()];
                    int s = first % requests.size();
                    while (!stop.get()) {
                        IngestRequests r = requests.get(s);
                        // each sender reports every 10 s of simulated time
                        long time = startNanos + (++round[s]) * 10_000_000_000L;
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                                    .header("Content-Type", "application/x-protobuf")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(r.at(time))).build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (!measuring.get()) continue;
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                                continue;
                            }
                            long dropped = baseline != null ? 0 : ExportMetricsServiceResponse.parseFrom(response.body()).getPartialSuccess().getRejectedDataPoints();
                            posted.addAndGet(r.points);
                            accepted.addAndGet(r.points - dropped);
                            rejected.addAndGet(dropped);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        s = (s + threads) % requests.size();
                    }
                }, "client-" + t);
                clients.add(client);
                client.start();
            }
            Thread.sleep(Math.max(5, seconds / 2) * 1000L);
            measuring.set(true);
            long begin = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            stop.set(true);
            for (Thread c : clients) c.join();
            double rate = accepted.get() / elapsed;
            System.out.printf("%-10s %,12.0f points/s  (%,d posted, %,d rejected, %d failed requests)%s%n", mode, rate,
                    posted.get(), rejected.get(), failures.get(),
                    baseline == null ? String.format("  store: %,d series", target.seriesCount()) : "");
            return posted.get() / elapsed;
        }
    }

    /** A handler that reads the body and answers 200, optionally parsing it first. */
    private static final class Discard extends Handler.Abstract {
        private final boolean parse;

        Discard(boolean parse) {
            this.parse = parse;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] body = in.readAllBytes();
                if (parse && ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsCount() == 0) {
                    throw new IllegalStateException("empty request");
                }
            }
            response.setStatus(HttpStatus.OK_200);
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
    }
}
