package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.jdbc.JdbcFaults;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throwing drivers, unparseable SQL, closed statements and connections: the application sees exactly what it would without the agent. */
class JdbcFaultsIT {

    @Test
    void applicationObservesTheSameFailuresAndTheAgentRecordsTheirTypes() {
        AgentRun bare = AgentHarness.builder(JdbcFaults.class).withoutAgent().run().assertSucceeded();
        AgentRun instrumented = AgentHarness.builder(JdbcFaults.class).run().assertSucceeded();

        assertEquals(bare.stdout(), instrumented.stdout());
        assertTrue(bare.stdout().contains("driver runtime exception: threw java.lang.IllegalStateException"), bare.stdout());
        assertTrue(bare.stdout().contains("closed connection execute: threw"), bare.stdout());

        Points duration = instrumented.otlp().metric("db.client.operation.duration");
        assertEquals(1, duration.withAttr("error.type", "java.lang.IllegalStateException")
                .withAttr("db.operation.name", "SELECT").count(), duration.toString());
        // The throwing statement has no connection to ask: reported as other_sql, still measured.
        assertEquals(1, duration.withAttr("error.type", "java.sql.SQLException").withAttr("db.system.name", "other_sql")
                .withAttr("db.operation.name", "UPDATE").withAttr("db.collection.name", "t").count(), duration.toString());
        assertEquals(1, duration.withAttr("error.type", "java.sql.BatchUpdateException").withAttr("db.operation.name", "BATCH").count());
        // Unparseable SQL: measured, without operation or table.
        Points unparseable = duration.withAttr("db.system.name", "h2database").withoutAttr("db.operation.name");
        assertTrue(unparseable.count() >= 1, duration.toString());
        assertTrue(duration.withAttr("db.operation.name", "SELECT").withAttr("db.collection.name", "nowhere")
                .values("error.type").iterator().next().startsWith("org.h2.jdbc."), duration.toString());
        assertFalse(instrumented.otlp().asText().contains(JdbcFaults.SECRET));
        assertTrue(instrumented.agentLog().stream().noneMatch(l -> l.contains("WARN")), instrumented.agentLog().toString());
    }
}
