package dev.revisit.collector.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * Fifteen minutes of made-up data, at 15 s intervals, for every metric the dashboards read: the
 * signals contract's metrics of one service ("shop"), and the collector's gauges for three
 * decisions from two collector replicas. Written as OpenMetrics for
 * {@code promtool tsdb create-blocks-from openmetrics}.
 */
final class SyntheticSignals {

    static final int STEP_SECONDS = 15;
    static final int STEPS = 60;
    /** The one signal an assumption (ADR-012's) declares a threshold on. */
    static final String DECLARED_SIGNAL = "cache.hit_ratio";
    static final String SERVICE = "service_name=\"shop\",service_instance_id=\"shop-1\"";

    private final long start;
    private final StringBuilder text = new StringBuilder();

    private SyntheticSignals(long start) {
        this.start = start;
    }

    /** The data, with its first sample at {@code start} (epoch seconds). */
    static String openMetrics(long start) {
        SyntheticSignals s = new SyntheticSignals(start);
        s.contract();
        s.collector();
        s.text.append("# EOF\n");
        return s.text.toString();
    }

    /** The time of the last sample: where the dashboards' queries are evaluated. */
    static long end(long start) {
        return start + (long) STEP_SECONDS * STEPS;
    }

    private void contract() {
        family("revisit_cache_requests", "counter");
        // 80 hits and 20 misses a second: a hit ratio of 0.8
        series("revisit_cache_requests_total", SERVICE + ",cache_system=\"caffeine\",cache_name=\"products\",cache_result=\"hit\"", t -> 80.0 * t);
        series("revisit_cache_requests_total", SERVICE + ",cache_system=\"caffeine\",cache_name=\"products\",cache_result=\"miss\"", t -> 20.0 * t);

        histogram("http_server_request_duration_seconds", SERVICE + ",http_request_method=\"GET\",http_route=\"/v1/products\",http_response_status_code=\"200\"", 50, 0.02);
        histogram("http_server_request_duration_seconds", SERVICE + ",http_request_method=\"GET\",http_route=\"/v1/products\",http_response_status_code=\"503\"", 1, 0.2);
        histogram("db_client_operation_duration_seconds", SERVICE + ",db_system_name=\"h2\",db_operation_name=\"SELECT\",db_collection_name=\"product\"", 40, 0.004);
        histogram("db_client_operation_duration_seconds", SERVICE + ",db_system_name=\"h2\",db_operation_name=\"UPDATE\",db_collection_name=\"product\",error_type=\"timeout\"", 1, 0.5);
        histogram("db_client_connection_wait_time_seconds", SERVICE + ",db_client_connection_pool_name=\"HikariPool-1\"", 40, 0.001);
        histogram("revisit_messaging_delivery_delay_seconds", SERVICE + ",messaging_system=\"kafka\",messaging_destination_name=\"orders\",messaging_consumer_group_name=\"billing\"", 10, 0.3);
        histogram("revisit_executor_queue_wait_seconds", SERVICE + ",executor_name=\"mail\"", 5, 0.05);
        histogram("revisit_auth_duration_seconds", SERVICE + ",auth_mechanism=\"jwt\",auth_outcome=\"success\"", 50, 0.002);
        histogram("revisit_auth_duration_seconds", SERVICE + ",auth_mechanism=\"password-hash\",auth_outcome=\"failure\"", 1, 0.2);
        histogram("jvm_gc_duration_seconds", SERVICE + ",jvm_gc_name=\"G1 Young Generation\",jvm_gc_action=\"end of minor GC\"", 2, 0.01);

        family("revisit_messaging_consumer_lag", "gauge");
        for (int partition = 0; partition < 3; partition++) {
            series("revisit_messaging_consumer_lag", SERVICE + ",messaging_system=\"kafka\",messaging_destination_name=\"orders\","
                    + "messaging_consumer_group_name=\"billing\",messaging_destination_partition_id=\"" + partition + "\"", t -> 400);
        }
        family("jvm_memory_used_bytes", "gauge");
        series("jvm_memory_used_bytes", SERVICE + ",jvm_memory_type=\"heap\",jvm_memory_pool_name=\"G1 Old Gen\"", t -> 300e6);
        family("jvm_memory_limit_bytes", "gauge");
        series("jvm_memory_limit_bytes", SERVICE + ",jvm_memory_type=\"heap\",jvm_memory_pool_name=\"G1 Old Gen\"", t -> 500e6);
        family("jvm_cpu_recent_utilization_ratio", "gauge");
        series("jvm_cpu_recent_utilization_ratio", SERVICE, t -> 0.35);
        family("revisit_jvm_startup_duration_seconds", "gauge");
        series("revisit_jvm_startup_duration_seconds", SERVICE, t -> 4.2);
    }

    /** Two collector replicas scraped side by side, as an HA pair would be: the joins must cope. */
    private void collector() {
        String[][] decisions = {
                // id, area, owner, verdict
                {"ADR-012", "caching", "team-catalog", "review"},
                {"ADR-020", "storage", "team-orders", "holds"},
                {"ADR-040", "auth", "team-identity", "review_due"},
        };
        List<String> replicas = List.of("instance=\"collector-1\"", "instance=\"collector-2\"");
        family("revisit_decision_info", "gauge");
        for (String replica : replicas) {
            for (String[] d : decisions) {
                series("revisit_decision_info", replica + ",decision=\"" + d[0] + "\",area=\"" + d[1] + "\",owner=\"" + d[2]
                        + "\",title=\"Decision " + d[0] + "\",link=\"https://example.com/adr/" + d[0] + "\"", t -> 1);
            }
        }
        family("revisit_decision_verdict", "gauge");
        for (String replica : replicas) {
            for (String[] d : decisions) {
                for (String verdict : List.of("holds", "no_data", "at_risk", "review_due", "review")) {
                    series("revisit_decision_verdict", replica + ",decision=\"" + d[0] + "\",area=\"" + d[1]
                            + "\",verdict=\"" + verdict + "\"", t -> verdict.equals(d[3]) ? 1 : 0);
                }
            }
        }
        String assumption = "decision=\"ADR-012\",area=\"caching\",signal=\"" + DECLARED_SIGNAL + "\",assumption=\"1\","
                + "scope=\"cache.name=products,service.name=shop\",service_name=\"shop\"";
        family("revisit_assumption_value", "gauge");
        replicas.forEach(r -> series("revisit_assumption_value", r + "," + assumption, t -> 0.8));
        family("revisit_assumption_threshold", "gauge");
        replicas.forEach(r -> series("revisit_assumption_threshold", r + "," + assumption
                + ",comparison=\">=\",expect=\">= 0.85\"", t -> 0.85));
        family("revisit_assumption_has_data", "gauge");
        for (String replica : replicas) {
            series("revisit_assumption_has_data", replica + "," + assumption, t -> 1);
            series("revisit_assumption_has_data", replica + ",decision=\"ADR-020\",area=\"storage\",signal=\"db.latency.p99\","
                    + "assumption=\"1\",scope=\"service.name=orders\"", t -> 0);
        }
    }

    /** A histogram with {@code perSecond} observations a second, each taking {@code seconds}. */
    private void histogram(String name, String labels, double perSecond, double seconds) {
        family(name, "histogram");
        double[] bounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
        for (double bound : bounds) {
            series(name + "_bucket", labels + ",le=\"" + bound + "\"", t -> seconds <= bound ? perSecond * t : 0);
        }
        series(name + "_bucket", labels + ",le=\"+Inf\"", t -> perSecond * t);
        series(name + "_count", labels, t -> perSecond * t);
        series(name + "_sum", labels, t -> perSecond * seconds * t);
    }

    // OpenMetrics wants one family's samples together; a family's TYPE line opens them.
    private final List<String> families = new ArrayList<>();

    private void family(String name, String type) {
        if (!families.contains(name)) {
            families.add(name);
            text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
    }

    /** {@code value} maps seconds since the start to the sample's value. */
    private void series(String name, String labels, LongToDoubleFunction value) {
        for (int i = 0; i <= STEPS; i++) {
            long t = (long) i * STEP_SECONDS;
            text.append(name).append('{').append(labels).append("} ")
                    .append(String.format(Locale.ROOT, "%s %d", value.applyAsDouble(t), start + t)).append('\n');
        }
    }
}
