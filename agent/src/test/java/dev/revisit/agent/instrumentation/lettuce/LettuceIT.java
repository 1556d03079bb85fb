package dev.revisit.agent.instrumentation.lettuce;

import dev.revisit.agent.testing.AgentRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.assertCaused;
import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.assertSameOutcomes;
import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.requireRedis;
import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.uniqueRun;
import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.withAgent;
import static dev.revisit.agent.instrumentation.cache.RedisShopRuns.withoutAgent;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lettuce's sync, async and reactive APIs against the real Redis, one after the other in one
 * child JVM (Lettuce is slow to start), each under names of its own ({@code catalog-sync}...).
 */
class LettuceIT {
    private static final String APIS = "lettuce-sync,lettuce-async,lettuce-reactive";
    private static AgentRun instrumented;

    @BeforeAll
    static void runShop() {
        requireRedis();
        instrumented = withAgent(APIS, uniqueRun(), ":");
    }

    @Test
    void hitsAndMissesPerKeyPrefix() {
        assertCaused(instrumented, ":", "sync", "async", "reactive");
    }

    @Test
    void faultsAndADroppedConnectionLookTheSameAsWithoutTheAgent() {
        assertSameOutcomes(withoutAgent(APIS, uniqueRun()), instrumented);
        assertTrue(instrumented.stdout().contains("outcome sync wrongtype: io.lettuce.core.RedisCommandExecutionException: WRONGTYPE"),
                instrumented.stdout());
        // Lettuce reconnects by itself; the read after it counts.
        assertTrue(instrumented.stdout().contains("drop-hits sync 1"), instrumented.stdout());
    }
}
