package dev.revisit.agent;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.PrometheusScrape;
import dev.revisit.testapp.agent.ListeningService;
import dev.revisit.testapp.jdbc.H2Shop;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching instrumentations off, bad settings, OpenTelemetry variables, JVM signals and the scrape endpoint's refusals. */
class AgentConfigIT {

    @Test
    void jdbcCanBeSwitchedOffByPropertyOrEnvironment() {
        AgentRun byProperty = AgentHarness.builder(H2Shop.class).args("10")
                .property("revisit.instrumentation.jdbc.enabled", "false").run().assertSucceeded();
        AgentRun byEnvironment = AgentHarness.builder(H2Shop.class).args("10")
                .env("REVISIT_INSTRUMENTATION_JDBC_ENABLED", "false").run().assertSucceeded();
        for (AgentRun run : List.of(byProperty, byEnvironment)) {
            assertFalse(run.otlp().metric("db.client.operation.duration").exists(), run.otlp().names().toString());
            assertTrue(run.otlp().metric("jvm.memory.used").exists(), run.otlp().names().toString());
            String started = run.agentLog().stream().filter(l -> l.contains("agent started")).findFirst().orElseThrow();
            assertTrue(started.contains("datasource") && !started.contains("jdbc"), started);
        }
    }

    @Test
    void aBadSettingIsOneClearLineAndTheApplicationRunsOn() {
        AgentRun run = AgentHarness.builder(H2Shop.class).args("10").property("revisit.export.interval.ms", "soon").run().assertSucceeded();
        assertTrue(run.stdout().contains("found 11"), run.stdout());
        assertEquals(List.of("[revisit] WARN agent not started: setting revisit.export.interval.ms=\"soon\": expected a whole number"),
                run.agentLog());
        assertEquals(0, run.otlp().requestCount());
    }

    @Test
    void serviceIdentityComesFromTheOpenTelemetryVariables() {
        AgentRun run = AgentHarness.builder(H2Shop.class).args("1").prometheus()
                .env("OTEL_SERVICE_NAME", "catalog")
                .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging,service.instance.id=pod-7")
                .run().assertSucceeded();
        assertEquals("catalog", run.otlp().resource().get("service.name"));
        assertEquals("staging", run.otlp().resource().get("deployment.environment.name"));
        assertEquals("pod-7", run.otlp().resource().get("service.instance.id"));
        assertEveryScrapedSeriesHas(run, Map.of("service_name", "catalog", "service_instance_id", "pod-7",
                "deployment_environment_name", "staging"));
    }

    @Test
    void theEnvironmentSettingLabelsEveryScrapedSeriesForTheDashboardsFilter() {
        AgentRun run = AgentHarness.builder(H2Shop.class).args("10").prometheus()
                .property("revisit.service.name", "catalog")
                .property("revisit.deployment.environment", "staging")
                .run().assertSucceeded();
        assertEquals("staging", run.otlp().resource().get("deployment.environment.name"));
        assertTrue(run.prometheus().sum("db_client_operation_duration_seconds_count", "deployment_environment_name", "staging") > 0,
                run.prometheus().text());
        assertEveryScrapedSeriesHas(run, Map.of("service_name", "catalog", "deployment_environment_name", "staging"));
    }

    @Test
    void theOlderEnvironmentAttributeLabelsEveryScrapedSeriesToo() {
        AgentRun run = AgentHarness.builder(H2Shop.class).args("1").prometheus()
                .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=staging")
                .run().assertSucceeded();
        // OTLP carries the resource as set; the collector reads the older name itself
        assertEquals("staging", run.otlp().resource().get("deployment.environment"));
        assertFalse(run.otlp().resource().containsKey("deployment.environment.name"), run.otlp().resource().toString());
        List<PrometheusScrape.Sample> series = run.prometheus().samples().stream()
                .filter(s -> !s.name().equals("target_info")).toList();
        assertTrue(series.size() > 20, run.prometheus().text());
        for (PrometheusScrape.Sample sample : series) {
            assertEquals("staging", sample.labels().get("deployment_environment_name"), sample.toString());
        }
        assertEquals("staging", run.prometheus().samples("target_info").get(0).labels().get("deployment_environment"));
    }

    /** Every sample of the scrape, target_info included, carries these labels with these values. */
    private static void assertEveryScrapedSeriesHas(AgentRun run, Map<String, String> labels) {
        List<PrometheusScrape.Sample> samples = run.prometheus().samples();
        assertTrue(samples.size() > 20, run.prometheus().text());
        List<PrometheusScrape.Sample> without = samples.stream()
                .filter(s -> !s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertTrue(without.isEmpty(), () -> without.size() + " samples lack " + labels + ", e.g. " + without.get(0));
    }

    @Test
    void jvmSignalsAndReadinessAndTheEndpointRefusesWhatIsNotAScrape() {
        AgentRun run = AgentHarness.builder(ListeningService.class).prometheus().run().assertSucceeded();
        assertTrue(run.stdout().contains("GET /nope 404"), run.stdout());
        assertTrue(run.stdout().contains("POST /metrics 405"), run.stdout());
        assertTrue(run.stdout().contains("HEAD /metrics 200"), run.stdout());

        double startup = run.otlp().metric("revisit.jvm.startup.duration").value();
        assertTrue(startup > 0.2 && startup < 60, "startup " + startup);
        assertTrue(run.otlp().metric("jvm.memory.used").withAttr("jvm.memory.type", "heap").value() > 0);
        assertTrue(run.otlp().metric("jvm.memory.limit").withAttr("jvm.memory.type", "heap").value() > 0);
        assertTrue(run.otlp().metric("jvm.gc.duration").count() >= 1, run.otlp().metric("jvm.gc.duration").toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), run.otlp().metric("jvm.cpu.count").value());
        assertTrue(run.otlp().metric("jvm.cpu.recent_utilization").exists());

        assertTrue(run.prometheus().sum("revisit_jvm_startup_duration_seconds") > 0.2, run.prometheus().text());
        // the names the catalog's PromQL reads (docs/signals.md): units as suffixes
        assertTrue(run.prometheus().sum("jvm_memory_used_bytes", "jvm_memory_type", "heap") > 0, run.prometheus().text());
        assertTrue(run.prometheus().sum("jvm_memory_limit_bytes", "jvm_memory_type", "heap") > 0, run.prometheus().text());
        assertEquals(1, run.prometheus().samples("jvm_cpu_recent_utilization_ratio").size(), run.prometheus().text());
        assertEquals(1, run.prometheus().samples("target_info").size());
        // no environment set: the label is absent everywhere, never empty (and no other label is empty either)
        for (PrometheusScrape.Sample sample : run.prometheus().samples()) {
            assertFalse(sample.labels().containsKey("deployment_environment_name"), sample.toString());
            assertFalse(sample.labels().containsValue(""), sample.toString());
        }
    }
}
