package dev.revisit.collector.catalog;

import static dev.revisit.collector.store.MetricKind.COUNTER;
import static dev.revisit.collector.store.MetricKind.GAUGE;
import static dev.revisit.collector.store.MetricKind.HISTOGRAM;

import dev.revisit.collector.store.Labels;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics the catalog reads: the signals contract's (which the Revisit agent emits and, for
 * HTTP and databases, the OpenTelemetry Java agent too) and the equivalents Micrometer exports.
 * Micrometer's OTLP registry reports times in milliseconds.
 */
final class Sources {

    private Sources() {}

    static final String REVISIT = "Revisit agent";
    static final String REVISIT_AND_OTEL = "Revisit agent, OpenTelemetry Java agent";
    static final String OTEL_AGENT = "OpenTelemetry Java agent";
    static final String MICROMETER = "Micrometer";

    // http
    static final Source HTTP = Source.of("http.server.request.duration", HISTOGRAM, REVISIT_AND_OTEL);
    static final Source HTTP_MICROMETER = Source.of("http.server.requests", HISTOGRAM, MICROMETER).milliseconds()
            .keys(Map.of("http.request.method", "method", "http.route", "uri", "http.response.status_code", "status",
                    "url.scheme", "", "error.type", "exception"));

    // databases
    static final Source DB = Source.of("db.client.operation.duration", HISTOGRAM, REVISIT_AND_OTEL);
    static final Source DB_SPRING_DATA = Source.of("spring.data.repository.invocations", HISTOGRAM, MICROMETER)
            .milliseconds().keys(Map.of("db.system.name", "", "db.namespace", "", "db.operation.name", "method",
                    "db.collection.name", "repository", "server.address", "", "error.type", "exception"));
    static final Source POOL_WAIT = Source.of("db.client.connection.wait_time", HISTOGRAM, REVISIT_AND_OTEL);
    static final Source POOL_WAIT_HIKARI = Source.of("hikaricp.connections.acquire", HISTOGRAM, MICROMETER)
            .milliseconds().keys(Map.of("db.client.connection.pool.name", "pool"));

    // caches
    static final Source CACHE = Source.of("revisit.cache.requests", COUNTER, REVISIT);
    static final Source CACHE_MICROMETER = Source.of("cache.gets", COUNTER, MICROMETER)
            .keys(Map.of("cache.name", "cache", "cache.result", "result", "cache.system", ""));

    // queues
    static final Source LAG = Source.of("revisit.messaging.consumer.lag", GAUGE, REVISIT);
    static final Source LAG_MICROMETER = Source.of("kafka.consumer.fetch.manager.records.lag", GAUGE, MICROMETER)
            .keys(kafkaKeys()).derive("messaging.system", labels -> "kafka");
    static final Source LAG_OTEL = Source.of("kafka.consumer.records_lag", GAUGE, OTEL_AGENT)
            .keys(kafkaKeys()).derive("messaging.system", labels -> "kafka");
    static final Source DELIVERY_DELAY = Source.of("revisit.messaging.delivery.delay", HISTOGRAM, REVISIT);
    static final Source EXECUTOR_WAIT = Source.of("revisit.executor.queue.wait", HISTOGRAM, REVISIT);
    static final Source EXECUTOR_IDLE = Source.of("executor.idle", HISTOGRAM, MICROMETER).milliseconds()
            .keys(Map.of("executor.name", "name"));

    // auth
    static final Source AUTH = Source.of("revisit.auth.duration", HISTOGRAM, REVISIT);
    static final Source AUTH_SPRING = Source.of("spring.security.authentications", HISTOGRAM, MICROMETER)
            .milliseconds().keys(Map.of("auth.mechanism", "authentication.method", "auth.outcome", ""));

    // JVM (OpenTelemetry JVM semantic conventions; Micrometer's JVM binders)
    static final Source HEAP_USED = Source.of("jvm.memory.used", GAUGE, REVISIT_AND_OTEL)
            .only("jvm.memory.type=heap", labels -> "heap".equals(labels.get("jvm.memory.type")));
    static final Source HEAP_USED_MICROMETER = Source.of("jvm.memory.used", GAUGE, MICROMETER)
            .only("area=heap", labels -> "heap".equals(labels.get("area")));
    static final Source HEAP_LIMIT = Source.of("jvm.memory.limit", GAUGE, REVISIT_AND_OTEL)
            .only("jvm.memory.type=heap", labels -> "heap".equals(labels.get("jvm.memory.type")));
    static final Source HEAP_MAX_MICROMETER = Source.of("jvm.memory.max", GAUGE, MICROMETER)
            .only("area=heap", labels -> "heap".equals(labels.get("area")));
    static final Source CPU = Source.of("jvm.cpu.recent_utilization", GAUGE, REVISIT_AND_OTEL);
    static final Source CPU_MICROMETER = Source.of("process.cpu.usage", GAUGE, MICROMETER);
    static final Source GC = Source.of("jvm.gc.duration", HISTOGRAM, REVISIT_AND_OTEL);
    static final Source GC_MICROMETER = Source.of("jvm.gc.pause", HISTOGRAM, MICROMETER).milliseconds()
            .keys(Map.of("jvm.gc.name", "gc", "jvm.gc.action", "action"));
    static final Source STARTUP = Source.of("revisit.jvm.startup.duration", GAUGE, REVISIT);
    static final Source STARTUP_SPRING = Source.of("application.ready.time", GAUGE, MICROMETER).milliseconds();

    private static Map<String, String> kafkaKeys() {
        return Map.of("messaging.destination.name", "topic", "messaging.destination.partition.id", "partition",
                "messaging.consumer.group.name", "", "messaging.system", "");
    }

    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?:^|/)(v\\d+)(?:/|$)");

    /** The API version of a request: its {@code api.version} attribute, else a {@code /v1/} route segment. */
    static String apiVersion(Labels labels, String routeKey) {
        String explicit = labels.get("api.version");
        if (explicit != null) {
            return explicit;
        }
        String route = labels.get(routeKey);
        if (route == null) {
            return null;
        }
        Matcher m = VERSION_SEGMENT.matcher(route);
        return m.find() ? m.group(1) : null;
    }

    static boolean serverError(String statusCode) {
        return statusCode != null && statusCode.length() == 3 && statusCode.charAt(0) == '5';
    }
}
