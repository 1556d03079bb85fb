package dev.revisit.agent.instrumentation.caffeine;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.cache.CaffeineShop;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.revisit.agent.instrumentation.cache.CacheAssertions.assertHitsAndMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Caffeine 3.x (the test class path) and 2.x (its jar put first), one child JVM each. */
class CaffeineIT {

    @Test
    void caffeine3() {
        AgentRun run = AgentHarness.builder(CaffeineShop.class)
                .property("revisit.cache.names", "CaffeineShop.manual=products")
                .prometheus().run().assertSucceeded();
        assertCaused(run, "products");
        assertEquals(900, run.prometheus().sum("revisit_cache_requests_total",
                "cache_system", "caffeine", "cache_name", "products", "cache_result", "hit"));
    }

    @Test
    void caffeine2() throws IOException {
        AgentRun run = AgentHarness.builder(CaffeineShop.class).classpath(caffeine2Jar()).run().assertSucceeded();
        assertTrue(run.command().toString().contains("caffeine-2."), "not run with Caffeine 2");
        assertCaused(run, "CaffeineShop.manual");
    }

    private static void assertCaused(AgentRun run, String manualName) {
        assertTrue(run.stdout().contains("caffeine shop done"), run.stdout() + run.stderr());
        Points requests = run.otlp().metric("revisit.cache.requests").withAttr("cache.system", "caffeine");
        assertHitsAndMisses(requests, manualName, 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.computed", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.loading", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.guarded", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.custom", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.async", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.asyncLoading", 900, 100);
        assertHitsAndMisses(requests, "CaffeineShop.bulk", 10, 20);
        assertHitsAndMisses(requests, "CaffeineShop.failing", 0, 1);

        Points evictions = run.otlp().metric("revisit.cache.evictions").withAttr("cache.system", "caffeine");
        assertEquals(90, evictions.withAttr("cache.name", "CaffeineShop.sized").value(), evictions.toString());
        assertEquals(50, evictions.withAttr("cache.name", "CaffeineShop.expiring").value(), evictions.toString());
        assertEquals(140, evictions.value(), "evictions elsewhere: " + evictions);
    }

    private static Path caffeine2Jar() throws IOException {
        Path dir = Path.of(System.getProperty("revisit.caffeine2.libs", "target/caffeine2-libs"));
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().startsWith("caffeine-2.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Caffeine 2 jar in " + dir));
        }
    }
}
