package dev.revisit.agent.instrumentation.jcache;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.cache.JCacheShop;
import org.junit.jupiter.api.Test;

import static dev.revisit.agent.instrumentation.cache.CacheAssertions.assertHitsAndMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JCache over Caffeine's provider and Ehcache 3's (reads, and evictions through the ehcache module), in one child JVM. */
class JCacheIT {

    @Test
    void hitsAndMissesAsCausedCountedOnceAsJCache() {
        AgentRun run = AgentHarness.builder(JCacheShop.class)
                .property("caffeine.jcache.sized.policy.maximum.size", "10")
                .run().assertSucceeded();
        assertTrue(run.stdout().contains("jcache shop done"), run.stdout() + run.stderr());

        Points requests = run.otlp().metric("revisit.cache.requests");
        Points jcache = requests.withAttr("cache.system", "jcache");
        // 1,000 gets (900 hits, 100 misses) and a getAll of 20 keys, 10 present.
        assertHitsAndMisses(jcache, "caffeine-products", 910, 110);
        assertHitsAndMisses(jcache, "ehcache-products", 910, 110);
        assertHitsAndMisses(jcache, "failing", 0, 0);
        // Caffeine stores the JCache caches: counted as JCache only, never a second time as Caffeine.
        assertEquals(0, requests.withAttr("cache.system", "caffeine").value(), requests.toString());

        Points evictions = run.otlp().metric("revisit.cache.evictions");
        assertEquals(90, evictions.withAttr("cache.system", "jcache").withAttr("cache.name", "sized").value(), evictions.toString());
        // Ehcache 3 (the ehcache module): by size and by expiry, counted as the JCache cache's.
        assertEquals(90, evictions.withAttr("cache.system", "jcache").withAttr("cache.name", "ehcache-sized").value(), evictions.toString());
        assertEquals(50, evictions.withAttr("cache.system", "jcache").withAttr("cache.name", "ehcache-expiring").value(), evictions.toString());
        assertHitsAndMisses(jcache, "ehcache-expiring", 0, 50);
        assertEquals(90 + 90 + 50, evictions.value(), evictions.toString());
    }
}
