package dev.revisit.agent.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentSettingsTest {

    private static AgentSettings settings(Map<String, String> props, Map<String, String> env) {
        return AgentSettings.from(new Config(props, env));
    }

    @Test
    void defaults() {
        AgentSettings s = settings(Map.of(), Map.of());
        assertTrue(s.otlp());
        assertFalse(s.prometheus());
        assertEquals("http://localhost:4318/v1/metrics", s.otlpMetricsEndpoint().toString());
        assertEquals("127.0.0.1", s.prometheusHost());
        assertEquals(9464, s.prometheusPort());
        assertEquals("unknown_service:java", s.resource().get("service.name"));
        assertTrue(s.resource().containsKey("service.instance.id"));
    }

    @Test
    void systemPropertiesWinOverEnvironmentWhichMapsDotsToUnderscores() {
        Config config = new Config(Map.of("revisit.export.interval.ms", "500"),
                Map.of("REVISIT_EXPORT_INTERVAL_MS", "900", "REVISIT_PROMETHEUS_PORT", "9999", "REVISIT_INSTRUMENTATION_JDBC_ENABLED", "false"));
        AgentSettings s = AgentSettings.from(config);
        assertEquals(500, s.exportInterval().toMillis());
        assertEquals(9999, s.prometheusPort());
        assertFalse(config.instrumentationEnabled("jdbc", true));
        assertTrue(config.instrumentationEnabled("datasource", true));
    }

    @Test
    void readsTheOpenTelemetryVariablesUsersAlreadySet() {
        AgentSettings s = settings(Map.of(), Map.of(
                "OTEL_SERVICE_NAME", "catalog",
                "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=prod,team=shop%20front",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
        assertEquals("catalog", s.resource().get("service.name"));
        assertEquals("prod", s.resource().get("deployment.environment.name"));
        assertEquals("shop front", s.resource().get("team"));
        assertEquals("http://collector:4318/v1/metrics", s.otlpMetricsEndpoint().toString());

        AgentSettings specific = settings(Map.of(), Map.of("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://m:1234/custom",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318"));
        assertEquals("http://m:1234/custom", specific.otlpMetricsEndpoint().toString());
    }

    @Test
    void exporterListAndNone() {
        AgentSettings both = settings(Map.of("revisit.exporter", "otlp, prometheus"), Map.of());
        assertTrue(both.otlp() && both.prometheus());
        AgentSettings none = settings(Map.of("revisit.exporter", "none"), Map.of());
        assertFalse(none.otlp() || none.prometheus());
    }

    @Test
    void badValuesNameTheSettingAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("revisit.exporter", "zipkin"), Map.of()));
        assertEquals("setting revisit.exporter=\"zipkin\": expected otlp, prometheus, none, or a comma-separated list of them", e.getMessage());
        e = assertThrows(ConfigException.class, () -> settings(Map.of("revisit.prometheus.port", "99999"), Map.of()));
        assertTrue(e.getMessage().contains("revisit.prometheus.port=\"99999\""), e.getMessage());
        e = assertThrows(ConfigException.class, () -> settings(Map.of("revisit.jvm.enabled", "maybe"), Map.of()));
        assertTrue(e.getMessage().contains("expected true or false"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> settings(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "not a url")));
        assertTrue(e.getMessage().contains("otel.exporter.otlp.endpoint"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> settings(Map.of(), Map.of("OTEL_RESOURCE_ATTRIBUTES", "novalue")));
        assertTrue(e.getMessage().contains("key=value"), e.getMessage());
    }
}
