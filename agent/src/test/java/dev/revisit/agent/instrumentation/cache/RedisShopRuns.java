package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.LocalServer;
import dev.revisit.testapp.cache.RedisShop;
import dev.revisit.testapp.isolation.OwnClassLoader;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.revisit.agent.instrumentation.cache.CacheAssertions.assertHitsAndMisses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@link RedisShop} through one client API against the real Redis, and checks that what the
 * agent exported is what the shop caused. Shared by the Jedis and Lettuce tests.
 */
public final class RedisShopRuns {
    private RedisShopRuns() {}

    public static void requireRedis() {
        LocalServer.require("Redis", 6379);
    }

    /** A key segment no other run (other JDK, other engineer, earlier crash) uses. */
    public static String uniqueRun() {
        return "revisit-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The shop through these client APIs (comma-separated), one after the other, in one child JVM
     * with the agent. The client library is loaded by a class loader of the application's own,
     * as in a Spring Boot jar: the agent cannot see it, only the classes it instruments can.
     */
    public static AgentRun withAgent(String apis, String run, String separator) {
        AgentHarness.Builder builder = ownLoader(apis, run, separator);
        if (!separator.equals(":")) {
            builder.property("revisit.redis.name.separator", separator);
        }
        return builder.run().assertSucceeded();
    }

    public static AgentRun withoutAgent(String apis, String run) {
        return ownLoader(apis, run, ":").withoutAgent().run().assertSucceeded();
    }

    private static AgentHarness.Builder ownLoader(String apis, String run, String separator) {
        boolean jedis = apis.startsWith("jedis");
        String jarPath = jedis ? "/redis/clients/jedis/" : "/io/lettuce/lettuce-core/";
        String jar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.replace('\\', '/').contains(jarPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + jarPath + " on the test class path"));
        return AgentHarness.builder(OwnClassLoader.class).withoutClasspath(jarPath)
                .args(jar, jedis ? "redis.clients.jedis.Jedis" : "io.lettuce.core.RedisClient", RedisShop.class.getName(), apis, run, separator);
    }

    /**
     * The shop's reads as exported, per API tag ({@code jedis}, {@code sync}, {@code async},
     * {@code reactive}), and nothing else: not the writes, not the wrong-type read, not the reads
     * a Spring cache made. Lettuce's reactive API streams MGET/HMGET replies to the caller one by
     * one instead of handing over a list; those are not counted.
     */
    public static void assertCaused(AgentRun run, String separator, String... tags) {
        assertTrue(run.stdout().contains("redis shop done"), run.stdout() + run.stderr());
        assertTrue(run.stdout().contains("library hidden from the system class loader"), run.stdout());
        assertTrue(run.stdout().contains("library loaded by own loader true"), run.stdout());
        Points requests = run.otlp().metric("revisit.cache.requests");
        Points redis = requests.withAttr("cache.system", "redis");
        boolean colon = separator.equals(":");
        long total = 0;
        for (String tag : tags) {
            total += assertCaused(run, requests, redis, tag, !tag.equals("reactive"), colon);
            if (tag.equals("jedis")) {
                assertHitsAndMisses(redis, "catalog-pooled", 50, 50);
                total += 100;
            }
        }
        // A key without the separator, and one starting with it, have no prefix; "legacy-x:" only has one when ":" is the separator.
        assertHitsAndMisses(redis, "(none)", 0, tags.length * (colon ? 2L : 3L));
        total += tags.length * (colon ? 2L : 3L);
        assertEquals(total, (long) redis.value(), "counted beyond the shop's reads: " + redis);
        assertTrue(run.agentLog().stream().noneMatch(l -> l.contains("WARN")), run.agentLog().toString());
        String runId = run.command().get(run.command().size() - 2);
        assertFalse(run.otlp().asText().contains(runId), "a full key was exported");
    }

    private static long assertCaused(AgentRun run, Points requests, Points redis, String tag, boolean bulk, boolean colon) {
        assertHitsAndMisses(redis, "catalog-" + tag, 900, 100);
        assertHitsAndMisses(redis, "user-" + tag, bulk ? 60 : 50, bulk ? 60 : 50);
        assertHitsAndMisses(redis, "temp-" + tag, 10, 10);
        assertHitsAndMisses(redis, "price-" + tag, bulk ? 50 : 0, bulk ? 50 : 0);
        assertHitsAndMisses(redis, "stock-" + tag, bulk ? 1 : 0, 0);
        assertHitsAndMisses(redis, "order-" + tag, 0, bulk ? 1 : 0);
        assertHitsAndMisses(redis, "legacy-" + tag, 0, colon ? 1 : 0);

        // Counted once: the Spring cache stored in Redis, not the Redis reads under it.
        assertHitsAndMisses(requests.withAttr("cache.system", "spring"), "products-" + tag, 90, 10);
        assertTrue(redis.withAttr("cache.name", "product-" + tag).points().isEmpty(), redis.toString());

        // A read on a connection that came back counts as what it found.
        long dropHits = Long.parseLong(line(run, "drop-hits " + tag).split(" ")[2]);
        assertHitsAndMisses(redis, "drop-" + tag, dropHits, 0);
        return 1_000 + (bulk ? 120 : 100) + 20 + (bulk ? 102 : 0) + (colon ? 1 : 0) + dropHits;
    }

    /** The application saw the same values and the same exceptions with and without the agent. */
    public static void assertSameOutcomes(AgentRun bare, AgentRun instrumented) {
        List<String> expected = outcomes(bare);
        assertTrue(expected.size() >= 3, bare.stdout());
        assertEquals(expected, outcomes(instrumented));
    }

    private static List<String> outcomes(AgentRun run) {
        return run.stdout().lines().filter(l -> l.startsWith("outcome ")).toList();
    }

    private static String line(AgentRun run, String key) {
        return run.stdout().lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + " in\n" + run.stdout()));
    }

}
