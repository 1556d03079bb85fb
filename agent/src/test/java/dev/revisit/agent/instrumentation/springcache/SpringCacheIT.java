package dev.revisit.agent.instrumentation.springcache;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.cache.SpringShop;
import org.junit.jupiter.api.Test;

import static dev.revisit.agent.instrumentation.cache.CacheAssertions.assertHitsAndMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringCacheIT {

    @Test
    void cacheableCountsOnceAtTheSpringLayer() {
        AgentRun run = AgentHarness.builder(SpringShop.class).run().assertSucceeded();
        assertTrue(run.stdout().contains("spring shop done"), run.stdout() + run.stderr());

        Points requests = run.otlp().metric("revisit.cache.requests");
        Points spring = requests.withAttr("cache.system", "spring");
        assertHitsAndMisses(spring, "products", 900, 100);
        assertHitsAndMisses(spring, "prices", 900, 100);
        assertHitsAndMisses(spring, "failing", 0, 1);
        // prices is Spring over JCache over Caffeine: one lookup is one count, at the outermost layer.
        assertEquals(2 * 1_000 + 1, requests.value(), requests.toString());
    }
}
