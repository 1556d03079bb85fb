package dev.revisit.agent.instrumentation.jedis;

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
 * Jedis and its pooled {@code RedisClient} (a {@code UnifiedJedis}) against the real Redis, with
 * {@code revisit.redis.name.separator=/} (keys {@code catalog-jedis/run/42}): exported hits and
 * misses are what the shop caused; faults look the same as without the agent.
 */
class JedisIT {
    private static AgentRun instrumented;

    @BeforeAll
    static void runShop() {
        requireRedis();
        instrumented = withAgent("jedis", uniqueRun(), "/");
    }

    @Test
    void hitsAndMissesPerKeyPrefix() {
        assertCaused(instrumented, "/", "jedis");
    }

    @Test
    void faultsAndADroppedConnectionLookTheSameAsWithoutTheAgent() {
        assertSameOutcomes(withoutAgent("jedis", uniqueRun()), instrumented);
        assertTrue(instrumented.stdout().contains("outcome jedis wrongtype: redis.clients.jedis.exceptions.JedisDataException: WRONGTYPE"),
                instrumented.stdout());
        assertTrue(instrumented.stdout().contains("outcome jedis dropped connection: redis.clients.jedis.exceptions.JedisConnectionException"),
                instrumented.stdout());
    }
}
