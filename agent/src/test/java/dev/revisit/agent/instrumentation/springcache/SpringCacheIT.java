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
        // sync = true: the loader ran is a miss; a loader that throws counts nothing, as a throwing get does.
        assertHitsAndMisses(spring, "stock", 900, 100);
        assertHitsAndMisses(spring, "rates", 900, 100);
        assertHitsAndMisses(spring, "ledger", 900, 100);
        assertEquals(0, spring.withAttr("cache.name", "failingSync").value(), spring.toString());
        // prices is Spring over JCache over Caffeine, rates Spring over Caffeine: one lookup is one
        // count, at the outermost layer; ledger's get(key, loader) asking its own get(key) is one read.
        assertEquals(5 * 1_000 + 1, requests.value(), requests.toString());
    }
}
