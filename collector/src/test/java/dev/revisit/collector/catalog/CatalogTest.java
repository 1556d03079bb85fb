package dev.revisit.collector.catalog;

import static dev.revisit.collector.catalog.Feed.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every catalog signal over known data in a real store, against values worked out by hand.
 * The window is minute 0 to minute 10 (600 s) unless a test says otherwise.
 */
class CatalogTest {

    private static final double[] DB_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1};
    private static final double[] DB_BOUNDS_MS = {5, 10, 25, 50, 100};
    private final Feed feed = new Feed();
    private static final Set<String> TESTED = ConcurrentHashMap.newKeySet();

    private double value(String signal, String scope) {
        return value(signal, scope, 0, 10);
    }

    private double value(String signal, String scope, double fromMinute, double toMinute) {
        TESTED.add(signal);
        Map<String, String> patterns = new LinkedHashMap<>(Feed.labels(scope).map());
        Signal s = Catalog.builtIn().get(signal).orElseThrow();
        return s.bind(new SeriesIndex(feed.store()), new Scope(patterns)).value(minute(fromMinute), minute(toMinute));
    }

    @Test
    void cacheHitRatioSumsHitsAndLookupsNeverAveragesRatios() {
        feed.counter("revisit.cache.requests", "service.name=catalog,service.instance.id=a,cache.name=products,cache.result=hit", 900, 10)
                .counter("revisit.cache.requests", "service.name=catalog,service.instance.id=a,cache.name=products,cache.result=miss", 100, 10)
                .counter("revisit.cache.requests", "service.name=catalog,service.instance.id=b,cache.name=products,cache.result=hit", 10, 10)
                .counter("revisit.cache.requests", "service.name=catalog,service.instance.id=b,cache.name=products,cache.result=miss", 90, 10)
                .counter("revisit.cache.requests", "service.name=catalog,service.instance.id=a,cache.name=prices,cache.result=miss", 1000, 10)
                .counter("cache.gets", "service.name=legacy,cache=products,result=hit", 30, 10)
                .counter("cache.gets", "service.name=legacy,cache=products,result=miss", 10, 10);
        assertEquals(910.0 / 1100, value("cache.hit_ratio", "service.name=catalog,cache.name=products"), 1e-12);
        assertEquals(910.0 / 1100, value("cache.hit_ratio", "service.name=catalog,cache.name=prod*"), 1e-12);
        assertEquals(910.0 / 2100, value("cache.hit_ratio", "service.name=catalog"), 1e-12);
        // Micrometer's cache.gets{cache, result}
        assertEquals(0.75, value("cache.hit_ratio", "service.name=legacy,cache.name=products"), 1e-12);
        // both services: 940 hits of 2140 lookups
        assertEquals(940.0 / 2140, value("cache.hit_ratio", "cache.name=*"), 1e-12);
        assertEquals(2140.0 / 600, value("cache.request_rate", "service.name=*"), 1e-12);
        assertEquals(40.0 / 600, value("cache.request_rate", "service.name=legacy"), 1e-12);
        assertTrue(Double.isNaN(value("cache.hit_ratio", "service.name=nobody")));
    }

    @Test
    void databaseLatencyQuantilesMergeHistogramsAcrossInstances() {
        // together: counts [10, 50, 30, 8, 2, 0] → p50 9ms, p95 40.625ms, p99 75ms
        feed.histogram("db.client.operation.duration", "service.name=catalog,service.instance.id=a,db.system.name=postgresql",
                        DB_BOUNDS, new long[] {10, 20, 10, 4, 1, 0}, 1.0, 10)
                .histogram("db.client.operation.duration", "service.name=catalog,service.instance.id=b,db.system.name=postgresql",
                        DB_BOUNDS, new long[] {0, 30, 20, 4, 1, 0}, 1.0, 10)
                .histogram("spring.data.repository.invocations", "service.name=legacy,method=findAll",
                        DB_BOUNDS_MS, new long[] {10, 50, 30, 8, 2, 0}, 1000, 10);
        assertEquals(0.009, value("db.latency.p50", "service.name=catalog"), 1e-12);
        assertEquals(0.040625, value("db.latency.p95", "service.name=catalog,db.system.name=postgresql"), 1e-12);
        assertEquals(0.075, value("db.latency.p99", "service.name=catalog"), 1e-12);
        // Spring Data's repository timer, in milliseconds, read in seconds
        assertEquals(0.075, value("db.latency.p99", "service.name=legacy,db.operation.name=findAll"), 1e-12);
        // one instance alone: [10, 20, 10, 4, 1, 0], rank 44.55 of 45 in (50ms, 100ms], 44 below it
        assertEquals(0.05 + 0.05 * (44.55 - 44), value("db.latency.p99", "service.instance.id=a"), 1e-12);
    }

    @Test
    void databaseErrorRatioAndPoolWait() {
        feed.histogram("db.client.operation.duration", "service.name=orders,error.type=timeout", DB_BOUNDS, new long[] {0, 0, 0, 0, 0, 5}, 5, 10)
                .histogram("db.client.operation.duration", "service.name=orders", DB_BOUNDS, new long[] {95, 0, 0, 0, 0, 0}, 0.1, 10)
                .histogram("db.client.connection.wait_time", "service.name=orders,db.client.connection.pool.name=main",
                        new double[] {0.001, 0.01, 0.1}, new long[] {80, 18, 2, 0}, 0.3, 10)
                .histogram("hikaricp.connections.acquire", "service.name=legacy,pool=HikariPool-1",
                        new double[] {1, 10, 100}, new long[] {80, 18, 2, 0}, 300, 10);
        assertEquals(0.05, value("db.error_ratio", "service.name=orders"), 1e-12);
        assertEquals(0.055, value("db.pool.wait.p99", "service.name=orders,db.client.connection.pool.name=main"), 1e-12);
        assertEquals(0.055, value("db.pool.wait.p99", "service.name=legacy,db.client.connection.pool.name=HikariPool-1"), 1e-12);
    }

    @Test
    void queueLagSumsTheLastLagOfEveryPartition() {
        feed.gauge("revisit.messaging.consumer.lag", "service.name=billing,messaging.system=kafka,messaging.destination.name=orders,"
                        + "messaging.consumer.group.name=billing,messaging.destination.partition.id=0", 2, 100, 200, 300)
                .gauge("revisit.messaging.consumer.lag", "service.name=billing,messaging.system=kafka,messaging.destination.name=orders,"
                        + "messaging.consumer.group.name=billing,messaging.destination.partition.id=1", 2, 80, 50)
                .gauge("revisit.messaging.consumer.lag", "service.name=billing,messaging.system=kafka,messaging.destination.name=payments,"
                        + "messaging.consumer.group.name=billing,messaging.destination.partition.id=0", 2, 7)
                .gauge("kafka.consumer.fetch.manager.records.lag", "service.name=legacy,topic=orders,partition=0,client.id=c1", 2, 40)
                .gauge("kafka.consumer.records_lag", "service.name=otel,topic=orders,partition=3,client-id=c2", 2, 25);
        assertEquals(350, value("queue.lag.messages", "service.name=billing,messaging.destination.name=orders"), 1e-12);
        assertEquals(357, value("queue.lag.messages", "messaging.consumer.group.name=billing"), 1e-12);
        // Micrometer's and the OpenTelemetry agent's Kafka lag (they carry no consumer group)
        assertEquals(350 + 40 + 25, value("queue.lag.messages", "messaging.destination.name=orders,messaging.system=kafka"), 1e-12);
        assertEquals(40, value("queue.lag.messages", "service.name=legacy,messaging.destination.partition.id=0"), 1e-12);
    }

    @Test
    void queueLagCountsABacklogThatEveryInstanceReportsOnce() {
        String rabbit = ",messaging.system=rabbitmq,messaging.destination.name=emails,messaging.consumer.group.name=mailer";
        String orders = ",messaging.system=kafka,messaging.destination.name=orders,messaging.consumer.group.name=billing";
        // RabbitMQ queue depth: each of three instances consuming the queue sees the whole backlog
        feed.gauge("revisit.messaging.consumer.lag", "service.name=mailer,service.instance.id=m1" + rabbit, 2, 500, 600)
                .gauge("revisit.messaging.consumer.lag", "service.name=mailer,service.instance.id=m2" + rabbit, 2, 600)
                .gauge("revisit.messaging.consumer.lag", "service.name=mailer,service.instance.id=m3" + rabbit, 2, 550, 600)
                // Kafka: each instance owns its partitions, which add up
                .gauge("revisit.messaging.consumer.lag", "service.name=billing,service.instance.id=b1" + orders
                        + ",messaging.destination.partition.id=0", 2, 100, 100, 100, 100, 100, 100, 100, 100)
                .gauge("revisit.messaging.consumer.lag", "service.name=billing,service.instance.id=b2" + orders
                        + ",messaging.destination.partition.id=1", 2, 200, 200, 200)
                // a rebalance hands partition 1 to b1 at minute 5; b2's last sample (minute 4) is still in longer windows
                .gauge("revisit.messaging.consumer.lag", "service.name=billing,service.instance.id=b1" + orders
                        + ",messaging.destination.partition.id=1", 5, 150, 150, 150, 150, 150);
        assertEquals(600, value("queue.lag.messages", "service.name=mailer"), 1e-12);
        assertEquals(600, value("queue.lag.messages", "messaging.system=rabbitmq,messaging.destination.name=emails"), 1e-12);
        assertEquals(300, value("queue.lag.messages", "service.name=billing", 0, 3.5), 1e-12);
        // both owners of partition 1 in the window: the larger last value counts, once (not 100 + 200 + 150)
        assertEquals(300, value("queue.lag.messages", "service.name=billing"), 1e-12);
        assertEquals(250, value("queue.lag.messages", "service.name=billing", 5, 10), 1e-12);
        // the two consumer groups (queue and topic) still add up
        assertEquals(900, value("queue.lag.messages", "service.name=*"), 1e-12);
    }

    @Test
    void queueDelayAndExecutorWait() {
        feed.histogram("revisit.messaging.delivery.delay", "service.name=billing,messaging.destination.name=orders",
                        new double[] {0.1, 0.5, 1, 5}, new long[] {50, 40, 8, 2, 0}, 30, 10)
                .histogram("revisit.executor.queue.wait", "service.name=billing,executor.name=io",
                        new double[] {0.001, 0.01}, new long[] {0, 100, 0}, 0.5, 10)
                .histogram("executor.idle", "service.name=legacy,name=io", new double[] {1, 10}, new long[] {0, 100, 0}, 500, 10);
        assertEquals(0.8125, value("queue.delay.p95", "messaging.destination.name=orders"), 1e-12);
        assertEquals(0.001 + 0.009 * 0.99, value("executor.wait.p99", "service.name=billing,executor.name=io"), 1e-12);
        assertEquals(0.001 + 0.009 * 0.99, value("executor.wait.p99", "service.name=legacy,executor.name=io"), 1e-12);
    }

    @Test
    void authSignals() {
        double[] b = {0.001, 0.01, 0.1};
        feed.histogram("revisit.auth.duration", "service.name=api,auth.mechanism=jwt,auth.outcome=success", b, new long[] {0, 96, 0, 0}, 2.0, 10)
                .histogram("revisit.auth.duration", "service.name=api,auth.mechanism=password-hash,auth.outcome=failure", b, new long[] {0, 0, 4, 0}, 1.0, 10)
                .histogram("http.server.request.duration", "service.name=api,http.route=/v1/orders,http.response.status_code=200",
                        DB_BOUNDS, new long[] {0, 0, 0, 0, 100, 0}, 30.0, 10)
                .histogram("spring.security.authentications", "service.name=legacy,authentication.method=form,error=none", new double[] {1, 10, 100},
                        new long[] {0, 0, 90, 0}, 4000, 10)
                .histogram("spring.security.authentications", "service.name=legacy,authentication.method=form,error=BadCredentialsException",
                        new double[] {1, 10, 100}, new long[] {0, 0, 10, 0}, 500, 10);
        assertEquals(3.0 / 30, value("auth.overhead_ratio", "service.name=api"), 1e-12);
        assertEquals(2.0 / 30, value("auth.overhead_ratio", "service.name=api,auth.mechanism=jwt"), 1e-12);
        // Micrometer's observations (an ObservationRegistry and its OTLP registry) time whole filter passes, nested
        // work and the rest of the chain included: not own time, and next to the agent's it would count twice.
        for (String service : new String[] {"api", "legacy"}) {
            feed.histogram("spring.security.filterchains", "service.name=" + service + ",spring.security.filterchain.position=15",
                            new double[] {1, 10, 100}, new long[] {0, 0, 100, 0}, 2500, 10)
                    .histogram("http.server.requests", "service.name=" + service + ",uri=/v1/orders,status=200",
                            new double[] {10, 100, 1000}, new long[] {0, 0, 100, 0}, 31000, 10);
        }
        assertEquals(3.0 / 30, value("auth.overhead_ratio", "service.name=api"), 1e-12);
        assertTrue(Double.isNaN(value("auth.overhead_ratio", "service.name=legacy")), "read Micrometer's filter passes");
        assertEquals(0.04, value("auth.failure_ratio", "service.name=api"), 1e-12);
        assertEquals(0.1, value("auth.failure_ratio", "service.name=legacy"), 1e-12);
        // 100 observations: rank 99 falls in (10ms, 100ms], the 3rd of the 4 failures there
        assertEquals(0.01 + 0.09 * 3 / 4, value("auth.latency.p99", "service.name=api"), 1e-12);
        // the 96 successful JWT checks alone: rank 95.04 in (1ms, 10ms]
        assertEquals(0.001 + 0.009 * 95.04 / 96, value("auth.latency.p99", "service.name=api,auth.mechanism=jwt,auth.outcome=success"), 1e-12);
    }

    @Test
    void httpLatencyErrorsAndApiVersions() {
        feed.histogram("http.server.request.duration", "service.name=catalog,http.route=/v1/products,http.response.status_code=200",
                        DB_BOUNDS, new long[] {0, 20, 0, 0, 0, 0}, 0.2, 10)
                .histogram("http.server.request.duration", "service.name=catalog,http.route=/v2/products,http.response.status_code=200",
                        DB_BOUNDS, new long[] {0, 0, 75, 0, 0, 0}, 1.5, 10)
                .histogram("http.server.request.duration", "service.name=catalog,http.route=/v2/products,http.response.status_code=503",
                        DB_BOUNDS, new long[] {0, 0, 0, 0, 0, 2}, 2, 10)
                .histogram("http.server.request.duration", "service.name=catalog,http.route=/v2/products,http.response.status_code=500",
                        DB_BOUNDS, new long[] {0, 0, 0, 0, 3, 0}, 0.3, 10)
                .histogram("http.server.requests", "service.name=legacy,uri=/api/v3/items,status=200,outcome=SUCCESS",
                        DB_BOUNDS_MS, new long[] {0, 0, 9, 0, 0, 0}, 180, 10)
                .histogram("http.server.requests", "service.name=legacy,uri=/api/v3/items,status=500,outcome=SERVER_ERROR",
                        DB_BOUNDS_MS, new long[] {0, 0, 1, 0, 0, 0}, 20, 10);
        assertEquals(0.05, value("http.error_ratio", "service.name=catalog"), 1e-12);
        assertEquals(0.1, value("http.error_ratio", "service.name=legacy"), 1e-12);
        assertEquals(0.2, value("api.version_share", "service.name=catalog,api.version=v1"), 1e-12);
        assertEquals(0.8, value("api.version_share", "service.name=catalog,api.version=v2"), 1e-12);
        assertEquals(1.0, value("api.version_share", "service.name=legacy,api.version=v3"), 1e-12);
        // 100 requests: rank 99 is in the overflow bucket, so the largest finite bound, as in PromQL
        assertEquals(0.1, value("http.latency.p99", "service.name=catalog"), 1e-12);
        // only the /v2 routes with status 200: all 75 in (10ms, 25ms]
        assertEquals(0.01 + 0.015 * 0.99, value("http.latency.p99", "http.route=/v2/*,http.response.status_code=200"), 1e-12);
        assertEquals(0.01 + 0.015 * 9.9 / 10, value("http.latency.p99", "service.name=legacy"), 1e-12);
    }

    @Test
    void jvmHeadroomTakesTheWorstInstance() {
        String a = "service.name=shop,service.instance.id=a,";
        String b = "service.name=shop,service.instance.id=b,";
        feed.gauge("jvm.memory.used", a + "jvm.memory.type=heap,jvm.memory.pool.name=eden", 1, 100)
                .gauge("jvm.memory.used", a + "jvm.memory.type=heap,jvm.memory.pool.name=old", 1, 300, 400)
                .gauge("jvm.memory.used", a + "jvm.memory.type=non_heap,jvm.memory.pool.name=metaspace", 1, 5000)
                .gauge("jvm.memory.limit", a + "jvm.memory.type=heap,jvm.memory.pool.name=old", 1, 1000)
                .gauge("jvm.memory.used", b + "jvm.memory.type=heap,jvm.memory.pool.name=old", 1, 900)
                .gauge("jvm.memory.limit", b + "jvm.memory.type=heap,jvm.memory.pool.name=old", 1, 1000)
                .gauge("jvm.memory.used", "service.name=legacy,area=heap,id=G1 Old Gen", 1, 250)
                .gauge("jvm.memory.max", "service.name=legacy,area=heap,id=G1 Old Gen", 1, 1000)
                .gauge("jvm.cpu.recent_utilization", a, 1, 0.2, 0.4)
                .gauge("jvm.cpu.recent_utilization", b, 1, 0.6, 0.8)
                .gauge("process.cpu.usage", "service.name=legacy", 1, 0.5)
                .histogram("jvm.gc.duration", a + "jvm.gc.name=G1 Young Generation", new double[] {0.01, 0.1, 1}, new long[] {0, 0, 60, 0}, 6, 10)
                .histogram("jvm.gc.duration", b + "jvm.gc.name=G1 Young Generation", new double[] {0.01, 0.1, 1}, new long[] {0, 0, 60, 0}, 12, 10)
                .histogram("jvm.gc.duration", b + "jvm.gc.name=G1 Old Generation", new double[] {0.01, 0.1, 1}, new long[] {0, 0, 0, 6}, 6, 10)
                .histogram("jvm.gc.pause", "service.name=legacy,gc=G1 Young Generation", new double[] {10, 100}, new long[] {0, 60, 0}, 3000, 10)
                .gauge("revisit.jvm.startup.duration", a, 1, 12.5)
                .gauge("revisit.jvm.startup.duration", b, 1, 20)
                .gauge("application.ready.time", "service.name=legacy", 1, 8000);
        assertEquals(0.1, value("jvm.heap.headroom", "service.name=shop"), 1e-12);
        assertEquals(0.5, value("jvm.heap.headroom", "service.name=shop,service.instance.id=a"), 1e-12);
        assertEquals(0.75, value("jvm.heap.headroom", "service.name=legacy"), 1e-12);
        assertEquals(0.3, value("jvm.cpu.headroom", "service.name=shop"), 1e-12);
        assertEquals(0.5, value("jvm.cpu.headroom", "service.name=legacy"), 1e-12);
        assertEquals(18.0 / 600, value("jvm.gc.pause_share", "service.name=shop"), 1e-12);
        assertEquals(12.0 / 600, value("jvm.gc.pause_share", "service.name=shop,jvm.gc.name=G1 Young*"), 1e-12);
        assertEquals(3.0 / 600, value("jvm.gc.pause_share", "service.name=legacy"), 1e-12);
        assertEquals(20, value("jvm.startup.seconds", "service.name=shop"), 1e-12);
        assertEquals(8, value("jvm.startup.seconds", "service.name=legacy"), 1e-12);
    }

    @Test
    void aServiceExportingTwoEquivalentMetricsIsCountedOnce() {
        feed.counter("revisit.cache.requests", "service.name=both,cache.name=c,cache.result=hit", 80, 10)
                .counter("revisit.cache.requests", "service.name=both,cache.name=c,cache.result=miss", 20, 10)
                .counter("cache.gets", "service.name=both,cache=c,result=hit", 80, 10)
                .counter("cache.gets", "service.name=both,cache=c,result=miss", 20, 10);
        assertEquals(100.0 / 600, value("cache.request_rate", "service.name=both"), 1e-12);
    }

    @Test
    void counterResetsDoNotLoseOrInventEvents() {
        String hit = "service.name=s,cache.name=c,cache.result=hit";
        String miss = "service.name=s,cache.name=c,cache.result=miss";
        feed.counterAt("revisit.cache.requests", hit, 0, 1000).counterAt("revisit.cache.requests", hit, 4, 1300)
                .counterAt("revisit.cache.requests", hit, 6, 50) // the service restarted
                .counterAt("revisit.cache.requests", hit, 10, 150)
                .counterAt("revisit.cache.requests", miss, 0, 0).counterAt("revisit.cache.requests", miss, 10, 100);
        // hits: 300 before the restart, 50 + 100 after
        assertEquals(450.0 / 550, value("cache.hit_ratio", "service.name=s"), 1e-12);
    }

    @AfterAll
    static void everySignalHasAKnownValueTest() {
        Set<String> missing = new HashSet<>(Catalog.builtIn().names());
        missing.removeAll(TESTED);
        missing.remove("coverage"); // computed over verdicts: EvaluatorTest covers it
        assertEquals(Set.of(), missing, "catalog signals without a known-value test");
    }
}
