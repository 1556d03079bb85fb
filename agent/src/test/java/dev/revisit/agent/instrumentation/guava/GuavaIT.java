package dev.revisit.agent.instrumentation.guava;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.cache.GuavaShop;
import org.junit.jupiter.api.Test;

import static dev.revisit.agent.instrumentation.cache.CacheAssertions.assertHitsAndMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuavaIT {

    @Test
    void hitsMissesAndEvictionsAsCaused() {
        AgentRun run = AgentHarness.builder(GuavaShop.class).run().assertSucceeded();
        assertTrue(run.stdout().contains("guava shop done"), run.stdout() + run.stderr());

        Points requests = run.otlp().metric("revisit.cache.requests").withAttr("cache.system", "guava");
        assertHitsAndMisses(requests, "GuavaShop.manual", 900, 100);
        assertHitsAndMisses(requests, "GuavaShop.computed", 900, 100);
        assertHitsAndMisses(requests, "GuavaShop.loading", 900, 100);
        assertHitsAndMisses(requests, "GuavaShop.bulk", 10, 20);
        assertHitsAndMisses(requests, "GuavaShop.failing", 0, 1);

        Points evictions = run.otlp().metric("revisit.cache.evictions").withAttr("cache.system", "guava");
        assertEquals(90, evictions.withAttr("cache.name", "GuavaShop.sized").value(), evictions.toString());
        assertEquals(50, evictions.withAttr("cache.name", "GuavaShop.expiring").value(), evictions.toString());
        assertEquals(140, evictions.value(), "evictions elsewhere: " + evictions);
    }
}
