package dev.revisit.agent.export;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.OtlpReceiver;
import dev.revisit.testapp.jdbc.SteadySelects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unreachable, erroring or slow OTLP endpoint: the application runs on, the agent logs once per outage and counts the failures. */
class ExportFaultsIT {
    private static final String RUN_MILLIS = "1500";

    private static List<String> exportLines(AgentRun run) {
        return run.agentLog().stream().filter(l -> l.contains("OTLP export")).toList();
    }

    @Test
    void unreachableEndpoint() {
        AgentRun run = AgentHarness.builder(SteadySelects.class).args(RUN_MILLIS).prometheus()
                .property("revisit.otlp.endpoint", "http://127.0.0.1:1/v1/metrics")
                .property("revisit.export.interval.ms", "100")
                .run().assertSucceeded();
        assertTrue(run.stdout().startsWith("selects "), run.stdout());
        assertEquals(1, exportLines(run).size(), run.agentLog().toString());
        assertTrue(exportLines(run).get(0).contains("127.0.0.1:1"), exportLines(run).toString());
        assertTrue(run.prometheus().sum("revisit_agent_export_failures_total", "exporter", "otlp") >= 5, run.prometheus().text());
    }

    @Test
    void erroringEndpointIsLoggedOncePerOutage() throws IOException {
        try (OtlpReceiver failing = new OtlpReceiver().respondWith(503)) {
            AgentRun run = AgentHarness.builder(SteadySelects.class).args(RUN_MILLIS).receiver(failing)
                    .property("revisit.export.interval.ms", "100").run().assertSucceeded();
            assertTrue(failing.attempts() >= 5, "attempts: " + failing.attempts());
            assertEquals(1, exportLines(run).size(), run.agentLog().toString());
            assertTrue(failing.requests().isEmpty());
        }
    }

    @Test
    void slowEndpointHoldsUpOnlyTheExportThread() throws IOException {
        try (OtlpReceiver slow = new OtlpReceiver().delay(Duration.ofSeconds(3))) {
            AgentRun run = AgentHarness.builder(SteadySelects.class).args(RUN_MILLIS).receiver(slow)
                    .property("revisit.export.interval.ms", "100")
                    .property("revisit.export.timeout.ms", "300")
                    .run().assertSucceeded();
            assertTrue(run.stdout().startsWith("selects "), run.stdout());
            assertEquals(1, exportLines(run).size(), run.agentLog().toString());
            // The push gave up after its 300 ms timeout although the endpoint takes 3 s: the export
            // thread is bounded, and the application's threads never wait on it (they only record).
            assertTrue(exportLines(run).get(0).contains("timed out") || exportLines(run).get(0).contains("Timeout"), exportLines(run).toString());
            assertTrue(slow.attempts() >= 2, "attempts: " + slow.attempts());
        }
    }
}
