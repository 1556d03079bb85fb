package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.LocalServer;
import dev.revisit.testapp.jdbc.ServerShop;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real PostgreSQL and MariaDB on this machine, through their own drivers and a HikariCP pool. */
class ServerJdbcIT {
    private static final int SELECTS = 300;

    @Test
    void postgresql() {
        LocalServer.require("PostgreSQL", 5432);
        AgentRun run = AgentHarness.run(ServerShop.class, java.util.Map.of(),
                "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", table(), Integer.toString(SELECTS));
        assertShop(run, "postgresql");
    }

    @Test
    void mariadb() {
        LocalServer.require("MariaDB", 3306);
        AgentRun run = AgentHarness.run(ServerShop.class, java.util.Map.of(),
                "jdbc:mariadb://127.0.0.1:3306/test", "root", "", table(), Integer.toString(SELECTS));
        assertShop(run, "mariadb");
    }

    private static String table() {
        return "revisit_it_" + ProcessHandle.current().pid() + "_" + Runtime.version().feature();
    }

    private static void assertShop(AgentRun run, String system) {
        run.assertSucceeded();
        assertTrue(run.stdout().contains("found " + SELECTS), run.stdout());
        Points duration = run.otlp().metric("db.client.operation.duration").withAttr("db.system.name", system);
        Points selects = duration.withAttr("db.operation.name", "SELECT").withAttr("db.collection.name", table());
        // Hikari's proxy statement delegates to the driver's: still one count per select.
        assertEquals(SELECTS, selects.count(), duration.toString());
        assertEquals(Set.of("test"), duration.values("db.namespace"));
        assertEquals(Set.of("127.0.0.1"), duration.values("server.address"));
        assertEquals(1, duration.withAttr("db.operation.name", "INSERT").count());
        assertEquals(1, duration.withAttr("db.operation.name", "CREATE").count());
        assertEquals(2, duration.withAttr("db.operation.name", "DROP").count());

        Points wait = run.otlp().metric("db.client.connection.wait_time");
        assertEquals("s", wait.unit());
        // One getConnection per select plus two; Hikari's DataSource calls no nested DataSource on the app's thread.
        assertEquals(SELECTS + 2, wait.withAttr("db.client.connection.pool.name", "shop-pool").count(), wait.toString());
        assertFalse(run.otlp().asText().contains(ServerShop.SECRET));
    }
}
