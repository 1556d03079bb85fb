package dev.revisit.collector.catalog;

import static dev.revisit.collector.catalog.SignalBuilder.signal;
import static dev.revisit.collector.catalog.Sources.*;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The catalog's definitions, area by area. docs/signals.md is their reference. */
final class BuiltInSignals {

    private BuiltInSignals() {}

    private static final String[] HTTP_KEYS = {"http.request.method", "http.route", "http.response.status_code", "url.scheme"};
    private static final String[] DB_KEYS = {"db.system.name", "db.namespace", "db.operation.name", "db.collection.name",
            "server.address", "error.type"};
    private static final String[] CACHE_KEYS = {"cache.system", "cache.name"};
    private static final String[] QUEUE_KEYS = {"messaging.system", "messaging.destination.name",
            "messaging.consumer.group.name"};
    private static final String QUANTILE_BY_INSTANCE = "buckets of every series in scope are added (re-bucketed onto "
            + "the union of bounds where they differ), then the quantile is interpolated like PromQL's histogram_quantile";

    static List<Signal> all() {
        return List.of(
                cacheHitRatio(), cacheRequestRate(),
                dbLatency("p50", 0.50), dbLatency("p95", 0.95), dbLatency("p99", 0.99), dbErrorRatio(), dbPoolWait(),
                queueLag(), queueDelay(), executorWait(),
                authOverhead(), authLatency(), authFailureRatio(),
                httpLatency(), httpErrorRatio(), apiVersionShare(),
                heapHeadroom(), cpuHeadroom(), gcPauseShare(), startup(),
                coverage());
    }

    private static Signal cacheHitRatio() {
        return signal("cache.hit_ratio", Unit.RATIO, Area.CACHING)
                .is("Cache lookups that hit ÷ all lookups.")
                .aggregates("hits and lookups are summed over every cache, instance and service in scope, then divided")
                .scopedBy(CACHE_KEYS)
                .asks("Has the key space grown (more distinct keys than the cache's maximum size)?",
                        "Are TTLs or invalidations evicting entries before they are read again?",
                        "Is the data still cacheable, or does it now change faster than it is read?")
                .promql((s, w) -> "sum(rate(revisit_cache_requests_total" + s.with("cache_result=\"hit\"") + "[" + w + "]))"
                        + " / sum(rate(revisit_cache_requests_total" + s.with() + "[" + w + "]))")
                .computedBy(EventRatio.of(List.of(CACHE.selecting("hits: cache.result=hit", l -> "hit".equals(l.get("cache.result"))),
                        CACHE_MICROMETER.selecting("hits: result=hit", l -> "hit".equals(l.get("result"))))));
    }

    private static Signal cacheRequestRate() {
        return signal("cache.request_rate", Unit.PER_SECOND, Area.CACHING)
                .is("Cache lookups per second, hits and misses.")
                .aggregates("lookups are summed over every cache, instance and service in scope, divided by the window")
                .scopedBy(CACHE_KEYS)
                .asks("Does the cache still carry the traffic it was sized for?",
                        "If lookups fell, did callers move to another path that bypasses the cache?")
                .promql((s, w) -> "sum(rate(revisit_cache_requests_total" + s.with() + "[" + w + "]))")
                .computedBy(new EventRate(List.of(CACHE, CACHE_MICROMETER)));
    }

    private static Signal dbLatency(String quantile, double q) {
        return signal("db.latency." + quantile, Unit.SECONDS, Area.STORAGE)
                .is("The " + quantile + " duration of database operations.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy(DB_KEYS)
                .asks("Which operations and tables got slower, and did their data volume grow?",
                        "Is the access pattern still the one this database was chosen for?",
                        "Would an index, a read replica or a cache answer it, or is it time for another store?")
                .promql((s, w) -> "histogram_quantile(" + q + ", sum by (le) (rate(db_client_operation_duration_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(q, List.of(DB, DB_SPRING_DATA)));
    }

    private static Signal dbErrorRatio() {
        return signal("db.error_ratio", Unit.RATIO, Area.STORAGE)
                .is("Database operations that failed (error.type set) ÷ all operations.")
                .aggregates("failed and all operations are summed over every series in scope, then divided")
                .scopedBy(DB_KEYS)
                .asks("Which error types dominate: timeouts, deadlocks, constraint violations?",
                        "Does the database still meet the consistency and availability the decision assumed?")
                .promql((s, w) -> "sum(rate(db_client_operation_duration_seconds_count" + s.with("error_type!=\"\"")
                        + "[" + w + "])) / sum(rate(db_client_operation_duration_seconds_count" + s.with() + "[" + w + "]))")
                .computedBy(EventRatio.of(List.of(DB.selecting("errors: error.type set", l -> l.get("error.type") != null),
                        DB_SPRING_DATA.selecting("errors: state=ERROR", l -> "ERROR".equals(l.get("state"))))));
    }

    private static Signal dbPoolWait() {
        return signal("db.pool.wait.p99", Unit.SECONDS, Area.STORAGE)
                .is("The p99 time a caller waits for a pooled database connection.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy("db.client.connection.pool.name")
                .asks("Is the pool too small for today's concurrency, or are connections held too long?",
                        "Do slow queries or long transactions keep connections busy?")
                .promql((s, w) -> "histogram_quantile(0.99, sum by (le) (rate(db_client_connection_wait_time_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(0.99, List.of(POOL_WAIT, POOL_WAIT_HIKARI)));
    }

    private static Signal queueLag() {
        List<String> destination = List.of("messaging.system", "messaging.destination.name",
                "messaging.consumer.group.name", "messaging.destination.partition.id");
        String by = String.join(", ", destination.stream().map(k -> k.replace('.', '_')).toList());
        return signal("queue.lag.messages", Unit.MESSAGES, Area.ASYNC)
                .is("How many messages consumers are behind: the last lag in the window of every destination "
                        + "(queue, or topic partition, per consumer group), summed; where several instances report one "
                        + "destination, the largest counts once.")
                // Not a plain sum: every instance consuming a RabbitMQ queue or a NATS JetStream consumer reports
                // the same consumer-wide backlog, and a Kafka partition's previous owner keeps its last lag in the
                // window after a rebalance (ADR 0011).
                .aggregates("each series' last value in the window; the largest per messaging.system, destination, "
                        + "consumer group and partition (over instances and other labels, which report the same backlog); "
                        + "summed over those")
                .scopedBy(QUEUE_KEYS).scopedBy("messaging.destination.partition.id")
                .asks("Do consumers keep up with the producers' peak rate, or only with the average?",
                        "Is the lag spread over all partitions or stuck on a hot one (key skew)?",
                        "Would more consumers help, or is processing per message the bottleneck?")
                .promql((s, w) -> "sum(max by (" + by + ") (last_over_time(revisit_messaging_consumer_lag" + s.with()
                        + "[" + w + "])))")
                .computedBy(new GaugeTotal(destination, List.of(LAG, LAG_MICROMETER, LAG_OTEL)));
    }

    private static Signal queueDelay() {
        return signal("queue.delay.p95", Unit.SECONDS, Area.ASYNC)
                .is("The p95 time from publish to receive.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy(QUEUE_KEYS)
                .asks("Is the end-to-end delay still inside what the business flow tolerates?",
                        "Is the delay in the broker (lag) or before publishing (outbox, batching)?")
                .promql((s, w) -> "histogram_quantile(0.95, sum by (le) (rate(revisit_messaging_delivery_delay_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(0.95, List.of(DELIVERY_DELAY)));
    }

    private static Signal executorWait() {
        return signal("executor.wait.p99", Unit.SECONDS, Area.ASYNC)
                .is("The p99 time a task waits in an in-process executor's queue before it runs.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy("executor.name")
                .asks("Is the pool sized for the load, or do tasks block on I/O inside it?",
                        "Should this work leave the process for a real queue?")
                .promql((s, w) -> "histogram_quantile(0.99, sum by (le) (rate(revisit_executor_queue_wait_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(0.99, List.of(EXECUTOR_WAIT, EXECUTOR_IDLE)));
    }

    private static Signal authOverhead() {
        return signal("auth.overhead_ratio", Unit.RATIO, Area.AUTH, Area.API)
                .is("Time spent authenticating and authorising ÷ time spent serving requests.")
                .aggregates("the Revisit agent's auth time (each step's own time, inside requests only) and request time are "
                        + "summed over every series in scope, then divided; auth.mechanism narrows the auth time only. "
                        + "Micrometer's spring.security observations are not read: they time whole filter passes, nested "
                        + "work and the rest of the chain included, and would count the same time twice")
                .scopedBy("auth.mechanism")
                .asks("Is every request paying for a full verification that could be cached (token introspection, key fetches)?",
                        "Is a password hash's cost factor applied on paths that do not need it?",
                        "Would a gateway or a session shift this cost, and is that trade still wanted?")
                .promql((s, w) -> "sum(rate(revisit_auth_duration_seconds_sum" + s.with() + "[" + w + "]))"
                        + " / sum(rate(http_server_request_duration_seconds_sum" + s.without("auth.mechanism").with()
                        + "[" + w + "]))")
                .computedBy(new DurationShare("auth.mechanism", List.of(AUTH), List.of(HTTP)));
    }

    private static Signal authLatency() {
        return signal("auth.latency.p99", Unit.SECONDS, Area.AUTH)
                .is("The p99 duration of one authentication or authorisation step.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy("auth.mechanism", "auth.outcome")
                .asks("Did a key rotation, an identity provider or a hashing cost change make verification slower?",
                        "Is a remote call (introspection, JWKS) on the request path?")
                .promql((s, w) -> "histogram_quantile(0.99, sum by (le) (rate(revisit_auth_duration_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(0.99, List.of(AUTH, AUTH_SPRING)));
    }

    private static Signal authFailureRatio() {
        return signal("auth.failure_ratio", Unit.RATIO, Area.AUTH)
                .is("Authentication attempts that failed ÷ all attempts.")
                .aggregates("failures and attempts are summed over every series in scope, then divided")
                .scopedBy("auth.mechanism")
                .asks("Are the failures users (expired sessions, wrong passwords) or attackers (credential stuffing)?",
                        "Do token lifetimes and refresh still match how clients behave?")
                .promql((s, w) -> "sum(rate(revisit_auth_duration_seconds_count" + s.with("auth_outcome=\"failure\"")
                        + "[" + w + "])) / sum(rate(revisit_auth_duration_seconds_count" + s.with() + "[" + w + "]))")
                .computedBy(EventRatio.of(List.of(AUTH.selecting("failures: auth.outcome=failure", l -> "failure".equals(l.get("auth.outcome"))),
                        AUTH_SPRING.selecting("failures: error other than none",
                        l -> l.get("error") != null && !"none".equals(l.get("error"))))));
    }

    private static Signal httpLatency() {
        return signal("http.latency.p99", Unit.SECONDS, Area.API)
                .is("The p99 duration of HTTP server requests.")
                .aggregates(QUANTILE_BY_INSTANCE)
                .scopedBy(HTTP_KEYS)
                .asks("Which routes got slower, and is the time spent in this service or in what it calls?",
                        "Does the API style still suit how clients call it (chatty calls, over-fetching)?")
                .promql((s, w) -> "histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket"
                        + s.with() + "[" + w + "])))")
                .computedBy(new HistogramQuantile(0.99, List.of(HTTP, HTTP_MICROMETER)));
    }

    private static Signal httpErrorRatio() {
        return signal("http.error_ratio", Unit.RATIO, Area.API)
                .is("HTTP server responses with a 5xx status ÷ all responses.")
                .aggregates("5xx responses and all responses are summed over every series in scope, then divided")
                .scopedBy(HTTP_KEYS)
                .asks("Which routes fail, and is it this service or a dependency?",
                        "Do the retries and timeouts the API promised still hold?")
                .promql((s, w) -> "sum(rate(http_server_request_duration_seconds_count"
                        + s.with("http_response_status_code=~\"5..\"") + "[" + w + "]))"
                        + " / sum(rate(http_server_request_duration_seconds_count" + s.with() + "[" + w + "]))")
                .computedBy(EventRatio.of(List.of(HTTP.selecting("errors: http.response.status_code 5xx",
                        l -> serverError(l.get("http.response.status_code"))),
                        HTTP_MICROMETER.selecting("errors: outcome=SERVER_ERROR", l -> "SERVER_ERROR".equals(l.get("outcome"))))));
    }

    private static Signal apiVersionShare() {
        return signal("api.version_share", Unit.RATIO, Area.API)
                .is("Requests to one API version ÷ all requests in the rest of the scope.")
                .aggregates("requests are summed over every series in scope; the version is the request's api.version "
                        + "attribute, else the /vN/ segment of its route")
                .scopedBy(HTTP_KEYS).requires("api.version")
                .asks("Which clients still call this version, and what keeps them from moving?",
                        "Is keeping it alive still cheaper than the migration the decision planned?")
                .promql((s, w) -> "sum(rate(http_server_request_duration_seconds_count" + s.with() + "[" + w + "]))"
                        + " / sum(rate(http_server_request_duration_seconds_count" + s.without("api.version").with()
                        + "[" + w + "]))")
                .computedBy(EventRatio.share("api.version", List.of(
                        HTTP.derive("api.version", l -> apiVersion(l, "http.route")),
                        HTTP_MICROMETER.derive("api.version", l -> apiVersion(l, "uri")))));
    }

    private static Signal heapHeadroom() {
        return signal("jvm.heap.headroom", Unit.RATIO, Area.DEPLOYMENT)
                .is("1 − heap used ÷ heap limit, for the JVM with the least headroom.")
                .aggregates("per JVM: last used and limit in the window summed over heap pools (pools without a limit "
                        + "count as used only); then the smallest headroom of any JVM in scope")
                .asks("Is the heap sized for today's data, or did a cache or a leak grow into it?",
                        "Would a larger instance, or fewer objects kept per request, be the better fix?")
                .promql((s, w) -> "min(1 - sum by (service_name, service_instance_id) (last_over_time(jvm_memory_used_bytes"
                        + s.with("jvm_memory_type=\"heap\"") + "[" + w + "])) / sum by (service_name, service_instance_id) "
                        + "(last_over_time(jvm_memory_limit_bytes" + s.with("jvm_memory_type=\"heap\"") + "[" + w + "]) > 0))")
                .computedBy(new HeapHeadroom(List.of(HEAP_USED, HEAP_USED_MICROMETER),
                        List.of(HEAP_LIMIT, HEAP_MAX_MICROMETER)));
    }

    private static Signal cpuHeadroom() {
        return signal("jvm.cpu.headroom", Unit.RATIO, Area.DEPLOYMENT)
                .is("1 − the average CPU utilisation over the window, for the busiest JVM.")
                .aggregates("per JVM: the average of its utilisation samples in the window; then 1 − the largest")
                .asks("Is the instance size or count still right for the load?",
                        "Is CPU going to work the decision did not expect (GC, serialisation, hashing)?")
                .promql((s, w) -> "1 - max(avg_over_time(jvm_cpu_recent_utilization_ratio" + s.with() + "[" + w + "]))")
                .computedBy(new WorstInstance(WorstInstance.PerInstance.GAUGE_AVERAGE, v -> 1 - v,
                        List.of(CPU, CPU_MICROMETER)));
    }

    private static Signal gcPauseShare() {
        return signal("jvm.gc.pause_share", Unit.RATIO, Area.DEPLOYMENT)
                .is("The share of wall-clock time spent in garbage collection, for the JVM that spends the most.")
                .aggregates("per JVM: GC time summed over collectors ÷ the window; then the largest")
                .scopedBy("jvm.gc.name", "jvm.gc.action")
                .asks("Does the allocation rate or the live set outgrow the heap?",
                        "Does the collector still suit the latency goal (G1, ZGC, Parallel)?")
                .promql((s, w) -> "max(sum by (service_name, service_instance_id) (rate(jvm_gc_duration_seconds_sum"
                        + s.with() + "[" + w + "])))")
                .computedBy(new WorstInstance(WorstInstance.PerInstance.TIME_SHARE, DoubleUnaryOperator.identity(),
                        List.of(GC, GC_MICROMETER)));
    }

    private static Signal startup() {
        return signal("jvm.startup.seconds", Unit.SECONDS, Area.DEPLOYMENT)
                .is("Time from JVM start to the application being ready, for the slowest JVM.")
                .aggregates("per JVM: the last reported start-up time in the window; then the largest")
                .asks("Does start-up still fit the scaling and deployment model (autoscaling, rolling updates)?",
                        "Would class data sharing, fewer eager beans or a native image pay off?")
                .promql((s, w) -> "max(last_over_time(revisit_jvm_startup_duration_seconds" + s.with() + "[" + w + "]))")
                .computedBy(new WorstInstance(WorstInstance.PerInstance.GAUGE_LAST, DoubleUnaryOperator.identity(),
                        List.of(STARTUP, STARTUP_SPRING)));
    }

    private static Signal coverage() {
        return signal("coverage", Unit.RATIO, Area.OBSERVABILITY)
                .is("Assumptions with data ÷ assumptions: how much of what the team declared can be checked.")
                .aggregates("counted over the other assumptions of the decisions file, narrowed by decision id and area")
                .scopedOnlyBy("decision", "area")
                .asks("Which assumptions have no data: is the agent missing there, or does the scope name the wrong service?",
                        "Are there decisions nobody wrote an assumption for?")
                .promql((s, w) -> "avg(avg_over_time(revisit_assumption_has_data" + s.with() + "[" + w + "]))")
                .computedBy(new Coverage());
    }
}
