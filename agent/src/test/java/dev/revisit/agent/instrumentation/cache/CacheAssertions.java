package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.testing.ExportedMetrics.Points;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on exported {@code revisit.cache.requests} shared by the cache libraries' tests. */
public final class CacheAssertions {
    private CacheAssertions() {}

    /** Exactly these hits and misses for the cache of this name among {@code requests}. */
    public static void assertHitsAndMisses(Points requests, String name, long hits, long misses) {
        Points cache = requests.withAttr("cache.name", name);
        assertEquals(hits, (long) cache.withAttr("cache.result", "hit").value(), name + " hits in " + requests);
        assertEquals(misses, (long) cache.withAttr("cache.result", "miss").value(), name + " misses in " + requests);
    }
}
