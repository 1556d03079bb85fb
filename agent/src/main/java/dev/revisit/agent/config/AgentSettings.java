package dev.revisit.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings the agent core reads at start-up, parsed and checked once. Instrumentations
 * read their own keys through {@link Config}.
 */
public record AgentSettings(
        boolean enabled,
        boolean otlp,
        boolean prometheus,
        URI otlpMetricsEndpoint,
        Duration exportInterval,
        Duration exportTimeout,
        String prometheusHost,
        int prometheusPort,
        int attributeValueCap,
        int seriesCap,
        boolean jvmSignals,
        Map<String, String> resource) {

    public static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";

    public static AgentSettings from(Config config) {
        boolean enabled = config.getBoolean("revisit.enabled", true);
        String exporters = config.get("revisit.exporter", "otlp").toLowerCase(Locale.ROOT);
        boolean otlp = false;
        boolean prometheus = false;
        for (String exporter : exporters.split(",")) {
            switch (exporter.trim()) {
                case "otlp" -> otlp = true;
                case "prometheus" -> prometheus = true;
                case "none", "" -> { }
                default -> throw new ConfigException("revisit.exporter", exporters,
                        "expected otlp, prometheus, none, or a comma-separated list of them");
            }
        }
        return new AgentSettings(
                enabled,
                otlp,
                prometheus,
                otlpEndpoint(config),
                Duration.ofMillis(config.getLong("revisit.export.interval.ms", 10_000, 100, 3_600_000)),
                Duration.ofMillis(config.getLong("revisit.export.timeout.ms", 5_000, 100, 60_000)),
                config.get("revisit.prometheus.host", "127.0.0.1"),
                (int) config.getLong("revisit.prometheus.port", 9464, 0, 65_535),
                (int) config.getLong("revisit.cardinality.attribute.cap", 100, 1, 100_000),
                (int) config.getLong("revisit.cardinality.series.cap", 2_000, 1, 1_000_000),
                config.getBoolean("revisit.jvm.enabled", true),
                resource(config));
    }

    /** OTLP/HTTP metrics URL: the metrics-specific variable as given, the general one plus /v1/metrics. */
    static URI otlpEndpoint(Config config) {
        String metrics = config.get("revisit.otlp.endpoint");
        if (metrics == null) {
            metrics = config.otel("otel.exporter.otlp.metrics.endpoint");
        }
        if (metrics == null) {
            String base = config.otel("otel.exporter.otlp.endpoint");
            if (base == null) {
                base = DEFAULT_OTLP_ENDPOINT;
            }
            metrics = base.endsWith("/") ? base + "v1/metrics" : base + "/v1/metrics";
        }
        try {
            URI uri = URI.create(metrics);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("otel.exporter.otlp.endpoint", metrics, "expected a URL such as " + DEFAULT_OTLP_ENDPOINT);
        }
    }

    /** service.name, service.instance.id, deployment.environment.name and OTEL_RESOURCE_ATTRIBUTES. */
    static Map<String, String> resource(Config config) {
        Map<String, String> resource = new LinkedHashMap<>();
        String attributes = config.otel("otel.resource.attributes");
        if (attributes != null) {
            for (String pair : attributes.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException("otel.resource.attributes", attributes, "expected key=value pairs separated by commas");
                }
                resource.put(pair.substring(0, eq).trim(), decode(pair.substring(eq + 1).trim()));
            }
        }
        String serviceName = config.get("revisit.service.name");
        if (serviceName == null) {
            serviceName = config.otel("otel.service.name");
        }
        if (serviceName != null) {
            resource.put("service.name", serviceName);
        }
        resource.putIfAbsent("service.name", "unknown_service:java");
        String environment = config.get("revisit.deployment.environment");
        if (environment != null) {
            resource.put("deployment.environment.name", environment);
        }
        resource.putIfAbsent("service.instance.id", InstanceId.random());
        return Map.copyOf(resource);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
