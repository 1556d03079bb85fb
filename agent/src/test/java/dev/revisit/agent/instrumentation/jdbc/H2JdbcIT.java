package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.jdbc.H2Shop;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2JdbcIT {

    @Test
    void pointSelectsAreTimedWithOperationAndTableAndNoLiteralLeaves() {
        AgentRun run = AgentHarness.builder(H2Shop.class).args("2000").prometheus().run().assertSucceeded();
        assertTrue(run.stdout().contains("found 2001"), run.stdout());

        Points duration = run.otlp().metric("db.client.operation.duration");
        assertEquals("s", duration.unit());
        Points selects = duration.withAttr("db.operation.name", "SELECT").withAttr("db.collection.name", "items");
        assertEquals(2001, selects.count(), duration.toString());
        assertEquals(Set.of("h2database"), duration.values("db.system.name"));
        assertEquals(Set.of("shop"), duration.values("db.namespace"));
        assertEquals(1, duration.withAttr("db.operation.name", "BATCH INSERT").withAttr("db.collection.name", "items").count());
        assertEquals(1, duration.withAttr("db.operation.name", "CREATE").withAttr("db.collection.name", "items").count());
        assertTrue(selects.sum() > 0);

        assertFalse(run.otlp().asText().contains(H2Shop.SECRET), "a SQL literal was exported over OTLP");
        assertFalse(run.prometheus().text().contains(H2Shop.SECRET), "a SQL literal was exported to Prometheus");
        assertEquals(2001, run.prometheus().sum("db_client_operation_duration_seconds_count",
                "db_operation_name", "SELECT", "db_collection_name", "items", "db_system_name", "h2database"));

        Map<String, String> resource = run.otlp().resource();
        assertTrue(resource.containsKey("service.instance.id"), resource.toString());
    }
}
