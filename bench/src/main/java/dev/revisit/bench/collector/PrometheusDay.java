package dev.revisit.bench.collector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A day of the signals contract's metrics for many services, as OpenMetrics for
 * {@code promtool tsdb create-blocks-from openmetrics}, and a decisions file of 1,000 decisions
 * over them: the workload of {@code bench/scripts/collector-prometheus-1000.sh}.
 *
 * <p>Per service (one instance): 4 caches (hits and misses), 4 HTTP label sets (one of them 5xx)
 * and 3 database operations as histograms of 6 bounds, 3 partitions of consumer lag, JWT
 * verification time, heap, CPU and start-up gauges: 87 series. Every fifth service's first cache
 * degrades for the last 3 hours and every seventh service's database slows down for the last 2,
 * so verdicts are mixed and breaches get traced back. Decisions pin scopes (cache, route,
 * operation) and vary window and {@code for}, so few queries repeat across decisions.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.revisit.bench.collector.PrometheusDay
 * OUT_DIR [services=20] [decisions=1000] [step seconds=30] [end=epoch seconds, default the last full hour]}
 */
public final class PrometheusDay {

    private static final double[] BOUNDS = {0.01, 0.05, 0.1, 0.25, 0.5, 1};
    private static final String[] CACHES = {"products", "prices", "search", "sessions"};
    private static final String[][] ROUTES = { // route, status, api version
            {"/v1/items", "200", "v1"}, {"/v1/orders", "200", "v1"}, {"/v2/items", "200", "v2"}, {"/v1/orders", "503", "v1"}};
    private static final String[][] OPERATIONS = {{"SELECT", "items"}, {"INSERT", "orders"}, {"UPDATE", "orders"}};
    private static final long DAY = 86_400;

    private final int services;
    private final int step;
    private final long start;
    private final long end;

    private PrometheusDay(int services, int step, long end) {
        this.services = services;
        this.step = step;
        this.end = end;
        this.start = end - DAY;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PrometheusDay OUT_DIR [services] [decisions] [step seconds] [end epoch seconds]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int decisions = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int step = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        long end = args.length > 4 ? Long.parseLong(args[4]) : Instant.now().getEpochSecond() / 3600 * 3600;
        PrometheusDay day = new PrometheusDay(services, step, end);
        long samples;
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("signals.om"), StandardCharsets.UTF_8)) {
            samples = day.signals(w);
        }
        Files.writeString(out.resolve("decisions.yaml"), day.decisions(decisions));
        System.out.printf(Locale.ROOT, "%d services, %d samples every %d s from %s to %s, %d decisions -> %s%n", services, samples,
                step, Instant.ofEpochSecond(day.start), Instant.ofEpochSecond(end), decisions, out);
        System.out.println("end=" + end);
    }

    private static String service(int s) {
        return String.format(Locale.ROOT, "svc-%02d", s);
    }

    private static String resource(int s) {
        return "service_name=\"" + service(s) + "\",service_instance_id=\"" + service(s) + "-1\"";
    }

    /** Whether the last {@code hours} of the day are a bad stretch for this service. */
    private boolean late(long t, int hours) {
        return t > end - hours * 3600L;
    }

    private long signals(BufferedWriter w) throws IOException {
        long[] samples = {0};
        Sink sink = (name, labels, value, t) -> {
            w.write(name);
            w.write('{');
            w.write(labels);
            w.write("} ");
            w.write(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value));
            w.write(' ');
            w.write(Long.toString(t));
            w.write('\n');
            samples[0]++;
        };
        w.write("# TYPE revisit_cache_requests counter\n");
        for (int s = 0; s < services; s++) {
            for (int c = 0; c < CACHES.length; c++) {
                boolean degrades = c == 0 && s % 5 == 0;
                double ratio = 0.95 - 0.04 * c;
                for (String result : new String[] {"hit", "miss"}) {
                    String labels = resource(s) + ",cache_system=\"caffeine\",cache_name=\"" + CACHES[c] + "\",cache_result=\"" + result + "\"";
                    boolean hit = "hit".equals(result);
                    counter(sink, "revisit_cache_requests_total", labels,
                            t -> 50 * (hit ? (degrades && late(t, 3) ? 0.6 : ratio) : 1 - (degrades && late(t, 3) ? 0.6 : ratio)));
                }
            }
        }
        w.write("# TYPE http_server_request_duration_seconds histogram\n");
        for (int s = 0; s < services; s++) {
            for (String[] route : ROUTES) {
                String labels = resource(s) + ",http_request_method=\"GET\",url_scheme=\"http\",http_route=\"" + route[0]
                        + "\",http_response_status_code=\"" + route[1] + "\",api_version=\"" + route[2] + "\"";
                double rate = "503".equals(route[1]) ? 0.2 : "v2".equals(route[2]) ? 30 : 10;
                double seconds = 0.04 + 0.002 * (s % 10);
                histogram(sink, "http_server_request_duration_seconds", labels, t -> rate, t -> seconds);
            }
        }
        w.write("# TYPE db_client_operation_duration_seconds histogram\n");
        for (int s = 0; s < services; s++) {
            boolean slows = s % 7 == 0;
            for (String[] op : OPERATIONS) {
                String labels = resource(s) + ",db_system_name=\"postgresql\",db_namespace=\"shop\",db_operation_name=\"" + op[0]
                        + "\",db_collection_name=\"" + op[1] + "\"";
                histogram(sink, "db_client_operation_duration_seconds", labels, t -> 20,
                        t -> slows && late(t, 2) ? 0.3 : 0.008);
            }
        }
        w.write("# TYPE revisit_messaging_consumer_lag gauge\n");
        for (int s = 0; s < services; s++) {
            for (int p = 0; p < 3; p++) {
                String labels = resource(s) + ",messaging_system=\"kafka\",messaging_destination_name=\"orders\","
                        + "messaging_consumer_group_name=\"billing\",messaging_destination_partition_id=\"" + p + "\"";
                int partition = p;
                gauge(sink, "revisit_messaging_consumer_lag", labels, t -> 100 + 50 * partition + (t / step) % 13);
            }
        }
        w.write("# TYPE revisit_auth_duration_seconds histogram\n");
        for (int s = 0; s < services; s++) {
            histogram(sink, "revisit_auth_duration_seconds", resource(s) + ",auth_mechanism=\"jwt\",auth_outcome=\"success\"",
                    t -> 40, t -> 0.002);
        }
        String heap = ",jvm_memory_type=\"heap\",jvm_memory_pool_name=\"G1 Old Gen\"";
        w.write("# TYPE jvm_memory_used_bytes gauge\n");
        for (int s = 0; s < services; s++) {
            int service = s;
            gauge(sink, "jvm_memory_used_bytes", resource(s) + heap, t -> 2e8 + 1e7 * (service % 9) + 1e5 * ((t / step) % 17));
        }
        w.write("# TYPE jvm_memory_limit_bytes gauge\n");
        for (int s = 0; s < services; s++) {
            gauge(sink, "jvm_memory_limit_bytes", resource(s) + heap, t -> 5e8);
        }
        w.write("# TYPE jvm_cpu_recent_utilization_ratio gauge\n");
        for (int s = 0; s < services; s++) {
            int service = s;
            gauge(sink, "jvm_cpu_recent_utilization_ratio", resource(s), t -> 0.2 + 0.03 * (service % 7) + 0.01 * ((t / step) % 5));
        }
        w.write("# TYPE revisit_jvm_startup_duration_seconds gauge\n");
        for (int s = 0; s < services; s++) {
            int service = s;
            gauge(sink, "revisit_jvm_startup_duration_seconds", resource(s), t -> 4 + service % 5);
        }
        w.write("# EOF\n");
        return samples[0];
    }

    @FunctionalInterface
    private interface Sink {
        void sample(String name, String labels, double value, long t) throws IOException;
    }

    @FunctionalInterface
    private interface AtTime {
        double at(long t);
    }

    /** A counter whose rate at {@code t} is {@code perSecond(t)}. */
    private void counter(Sink sink, String name, String labels, AtTime perSecond) throws IOException {
        double total = 0;
        for (long t = start; t <= end; t += step) {
            total += perSecond.at(t) * step;
            sink.sample(name, labels, Math.rint(total), t);
        }
    }

    /** {@code perSecond(t)} observations a second, all in the bucket of {@code seconds(t)}. */
    private void histogram(Sink sink, String name, String labels, AtTime perSecond, AtTime seconds) throws IOException {
        int n = BOUNDS.length + 1;
        double[] buckets = new double[n];
        double sum = 0;
        List<double[]> rows = new ArrayList<>(); // per time: cumulative buckets, count, sum
        for (long t = start; t <= end; t += step) {
            double observed = Math.rint(perSecond.at(t) * step);
            double each = seconds.at(t);
            int b = 0;
            while (b < BOUNDS.length && each > BOUNDS[b]) {
                b++;
            }
            buckets[b] += observed;
            sum += observed * each;
            double[] row = new double[n + 2];
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                cumulative += buckets[i];
                row[i] = cumulative;
            }
            row[n] = cumulative;
            row[n + 1] = sum;
            rows.add(row);
        }
        for (int i = 0; i < n; i++) {
            String le = i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf";
            long t = start;
            for (double[] row : rows) {
                sink.sample(name + "_bucket", labels + ",le=\"" + le + "\"", row[i], t);
                t += step;
            }
        }
        long t = start;
        for (double[] row : rows) {
            sink.sample(name + "_count", labels, row[n], t);
            t += step;
        }
        t = start;
        for (double[] row : rows) {
            sink.sample(name + "_sum", labels, row[n + 1], t);
            t += step;
        }
    }

    private void gauge(Sink sink, String name, String labels, AtTime value) throws IOException {
        for (long t = start; t <= end; t += step) {
            sink.sample(name, labels, value.at(t), t);
        }
    }

    /** {@code count} decisions spread over the services, 1–3 assumptions each, scopes and windows varied. */
    private String decisions(int count) {
        String[] windows = {"5m", "10m", "15m", "30m"};
        String[] fors = {"5m", "10m", "15m", "30m"};
        StringBuilder yaml = new StringBuilder("decisions:\n");
        for (int i = 0; i < count; i++) {
            int s = i % services;
            int k = i / services;
            String[] first = assumption(s, k);
            yaml.append("  - id: D-").append(String.format(Locale.ROOT, "%04d", i)).append('\n')
                    .append("    title: Decision ").append(i).append(" of ").append(service(s)).append('\n')
                    .append("    area: ").append(first[0]).append('\n')
                    .append("    owner: team-").append(s % 6).append('\n')
                    .append("    decided: 2026-06-01\n")
                    .append("    assumptions:\n");
            int assumptions = 1 + i % 3;
            for (int j = 0; j < assumptions; j++) {
                String[] a = assumption(s, k + 7 * j);
                yaml.append("      - { signal: ").append(a[1]).append(", scope: { service.name: ").append(service(s)).append(a[2])
                        .append(" }, expect: \"").append(a[3]).append("\", window: ").append(windows[(k + j) % windows.length])
                        .append(", for: ").append(fors[(k / 4 + j) % fors.length]).append(" }\n");
            }
        }
        return yaml.toString();
    }

    /** The {@code k}th assumption template for a service: area, signal, extra scope, threshold. */
    private static String[] assumption(int s, int k) {
        int n = k % 14;
        String cache = CACHES[(k / 14) % CACHES.length];
        String[] route = ROUTES[(k / 14) % 3];
        String[] op = OPERATIONS[(k / 14) % OPERATIONS.length];
        return switch (n) {
            case 0 -> new String[] {"caching", "cache.hit_ratio", ", cache.name: " + cache, ">= 0.8"};
            case 1 -> new String[] {"caching", "cache.request_rate", ", cache.name: " + cache, ">= 40"};
            case 2 -> new String[] {"api", "http.latency.p99", ", http.route: \"" + route[0] + "\"", "< 100ms"};
            case 3 -> new String[] {"api", "http.error_ratio", "", "< 2%"};
            case 4 -> new String[] {"api", "api.version_share", ", api.version: v1", "< 60%"};
            case 5 -> new String[] {"storage", "db.latency.p99", ", db.operation.name: " + op[0], "< 50ms"};
            case 6 -> new String[] {"storage", "db.latency.p95", ", db.collection.name: " + op[1], "< 20ms"};
            case 7 -> new String[] {"storage", "db.error_ratio", "", "< 1%"};
            case 8 -> new String[] {"async", "queue.lag.messages", ", messaging.destination.name: orders", "< 500"};
            case 9 -> new String[] {"auth", "auth.latency.p99", "", "< 10ms"};
            case 10 -> new String[] {"auth", "auth.overhead_ratio", "", "< 5%"};
            case 11 -> new String[] {"deployment", "jvm.heap.headroom", "", ">= 0.3"};
            case 12 -> new String[] {"deployment", "jvm.cpu.headroom", "", ">= 0.5"};
            default -> new String[] {"deployment", "jvm.startup.seconds", "", "< 8s"};
        };
    }
}
