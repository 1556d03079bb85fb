package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.bootstrap.cache.RedisHook;
import dev.revisit.agent.config.Config;
import dev.revisit.agent.config.ConfigException;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import io.lettuce.core.protocol.CommandType;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redis reads without a client: which commands are reads, names from key prefixes, count-once. */
class RedisReadsTest {
    private final Recorder recorder = new Recorder(5_000, 100_000);

    private RedisReads reads(Map<String, String> settings) {
        Config config = new Config(settings, Map.of());
        return new RedisReads(new CacheMetrics(new ModuleContext(recorder, config)), RedisKeyNames.separatorFrom(config));
    }

    private enum Lookalike { GET, MGET }

    @Test
    void onlyTheClientsOwnReadCommandsAreReads() {
        RedisReads reads = reads(Map.of());
        assertEquals(RedisHook.ONE_KEY, reads.readKind(Protocol.Command.GET));
        assertEquals(RedisHook.ONE_KEY, reads.readKind(Protocol.Command.HGET));
        assertEquals(RedisHook.ONE_KEY, reads.readKind(Protocol.Command.GETEX));
        assertEquals(RedisHook.ONE_KEY, reads.readKind(Protocol.Command.GETDEL));
        assertEquals(RedisHook.EACH_KEY, reads.readKind(Protocol.Command.MGET));
        assertEquals(RedisHook.EACH_FIELD, reads.readKind(Protocol.Command.HMGET));
        assertEquals(RedisHook.NOT_A_READ, reads.readKind(Protocol.Command.SET));
        assertEquals(RedisHook.NOT_A_READ, reads.readKind(Protocol.Command.HGETALL));
        assertEquals(RedisHook.ONE_KEY, reads.readKind(CommandType.GET));
        assertEquals(RedisHook.EACH_KEY, reads.readKind(CommandType.MGET));
        assertEquals(RedisHook.EACH_FIELD, reads.readKind(CommandType.HMGET));
        assertEquals(RedisHook.NOT_A_READ, reads.readKind(CommandType.CLIENT));
        // A module's command with the same constant name (JSON.GET) is not a cache read.
        assertEquals(RedisHook.NOT_A_READ, reads.readKind(Lookalike.GET));
        assertEquals(RedisHook.NOT_A_READ, reads.readKind("GET"));
        assertEquals(RedisHook.NOT_A_READ, reads.readKind(null));
    }

    @Test
    void bytesAndStringsOfOnePrefixAreOneName() {
        RedisReads reads = reads(Map.of());
        reads.read("catalog:1".getBytes(StandardCharsets.UTF_8), true);
        reads.read("catalog:2", true);
        reads.read("catalog:item:3", false);
        reads.read("käse:1".getBytes(StandardCharsets.UTF_8), true);
        reads.read("käse:2", false);
        reads.read("user:1", false);
        assertEquals(Map.of("catalog hit", 2L, "catalog miss", 1L, "käse hit", 1L, "käse miss", 1L, "user miss", 1L), counts());
    }

    @Test
    void keysWithoutAPrefixWithinSixtyFourCharactersHaveNone() {
        RedisReads reads = reads(Map.of());
        String sixtyFour = "p".repeat(RedisKeyNames.MAX_PREFIX);
        reads.read(sixtyFour + ":1", true);
        reads.read(sixtyFour.getBytes(StandardCharsets.UTF_8), true);
        reads.read(sixtyFour + "q:1", true);
        reads.read((sixtyFour + "q:1").getBytes(StandardCharsets.UTF_8), true);
        reads.read("nokey", false);
        reads.read(":leading", false);
        reads.read(new byte[0], false);
        reads.read(42L, false); // a key of a custom codec
        reads.read(null, false); // unknown: not counted
        assertEquals(Map.of(sixtyFour + " hit", 1L, "(none) hit", 3L, "(none) miss", 4L), counts());
    }

    @Test
    void theSeparatorIsConfigurableAndNamesRenamable() {
        RedisReads reads = reads(Map.of("revisit.redis.name.separator", "::", "revisit.cache.names", "catalog=products"));
        reads.read("catalog::1", true);
        reads.read("catalog:1", true);
        reads.read("a:b::1".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(Map.of("products hit", 1L, "(none) hit", 1L, "a:b miss", 1L), counts());

        ConfigException tooLong = assertThrows(ConfigException.class, () -> reads(Map.of("revisit.redis.name.separator", "123456789")));
        assertTrue(tooLong.getMessage().contains("revisit.redis.name.separator"), tooLong.getMessage());
    }

    @Test
    void pastTheRememberedPrefixesNewOnesCountAsOther() {
        RedisReads reads = reads(Map.of());
        for (int i = 0; i < RedisKeyNames.MAX_NAMES + 10; i++) {
            reads.read(("p" + i + ":x").getBytes(StandardCharsets.UTF_8), true);
        }
        reads.read("p0:x", true); // a text key of a remembered prefix is a new entry too: table full
        reads.read("p0:x".getBytes(StandardCharsets.UTF_8), true);
        Map<String, Long> counts = counts();
        assertEquals(2L, counts.get("p0 hit"));
        assertEquals(11L, counts.get("other hit"));
        assertEquals(RedisKeyNames.MAX_NAMES + 1, counts.size());
    }

    @Test
    void aReadInsideANamedLayerIsTheLayersToCount() throws Exception {
        CacheMetrics caches = new CacheMetrics(new ModuleContext(recorder, new Config(Map.of(), Map.of())));
        RedisReads reads = new RedisReads(caches, ":");
        Object spring = new Object();
        Object l1 = new Object();
        Object insideLayer = new Object();
        Object outside = new Object();

        assertTrue(reads.countsOnThisThread());
        Object layer = caches.enter("spring", spring);
        assertFalse(reads.countsOnThisThread());
        reads.dispatched(insideLayer);
        caches.exit(layer, true, null);
        assertTrue(reads.countsOnThisThread());
        reads.dispatched(outside);
        // A Caffeine cache in front of Redis: its loader's Redis reads are Redis's.
        Object loading = caches.enter("caffeine", l1);
        assertTrue(reads.countsOnThisThread());
        caches.exitReported(loading);

        // Replies arrive on the client's I/O thread.
        assertFalse(CompletableFuture.supplyAsync(() -> reads.counts(insideLayer)).get());
        assertTrue(CompletableFuture.supplyAsync(() -> reads.counts(outside)).get());
        assertTrue(reads.counts(insideLayer), "a mark is used once");
    }

    /** "name result" → count, for cache.system redis. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (PointView point : points()) {
            if (point.attributeValues().get(0).equals("redis")) {
                counts.merge(point.attributeValues().get(1) + " " + point.attributeValues().get(2), (long) point.value(), Long::sum);
            }
        }
        return counts;
    }

    private List<PointView> points() {
        return recorder.collect().stream().filter(v -> v.name().equals("revisit.cache.requests")).findFirst()
                .map(MetricView::points).orElse(List.of());
    }
}
