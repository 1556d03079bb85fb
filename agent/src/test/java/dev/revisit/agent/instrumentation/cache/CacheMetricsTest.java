package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.config.Config;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hook's bookkeeping without a library: frames, nesting, the library's reports, backing caches. */
class CacheMetricsTest {
    private final Recorder recorder = new Recorder(100, 2000);
    private final CacheMetrics hook = new CacheMetrics(new ModuleContext(recorder, new Config(Map.of(), Map.of())));

    /** Stands for a library's wrapper around its storage (a field named {@code cache}). */
    static final class Wrapper {
        final Object cache;

        Wrapper(Object cache) {
            this.cache = cache;
        }
    }

    private enum RemovalCause { EXPLICIT, REPLACED, SIZE, EXPIRED, COLLECTED }

    @Test
    void aReadCountsTheResultTheLibraryReportedDuringIt() {
        Object cache = named("caffeine");
        Object call = hook.enter("caffeine", cache);
        hook.libraryHits(1);
        hook.exitReported(call);
        call = hook.enter("caffeine", cache);
        hook.libraryMisses(1);
        hook.exitReported(call);
        assertEquals(1, count("hit"));
        assertEquals(1, count("miss"));
    }

    @Test
    void aCacheReadingItselfCountsOnceAndAReadInsideALoaderCountsForItsOwnCache() {
        Object loading = named("caffeine");
        Object other = named("caffeine");
        Object outer = hook.enter("caffeine", loading);
        Object nested = hook.enter("caffeine", loading);     // LoadingCache.get -> get(key, fn)
        Object inLoader = hook.enter("caffeine", other);      // the loader reads another cache
        hook.libraryHits(1);
        hook.exitReported(inLoader);
        hook.libraryMisses(1);
        hook.exitReported(nested);
        hook.exitReported(outer);
        assertEquals(1, count("hit"));
        assertEquals(1, count("miss"));
    }

    @Test
    void theStorageOfANamedLayerNeverCountsAndItsEvictionsAreTheLayers() {
        Object storage = new Wrapper(null);
        Object caffeine = new Wrapper(storage);
        Object jcache = new Wrapper(caffeine);
        Object layer = hook.enter("jcache", jcache);
        Object inner = hook.enter("caffeine", caffeine);
        hook.libraryHits(1);
        hook.exitReported(inner);
        hook.exit(layer, true, null);
        hook.removed("caffeine", storage, RemovalCause.SIZE);
        hook.removed("caffeine", storage, RemovalCause.EXPLICIT);
        hook.removed("caffeine", storage, RemovalCause.REPLACED);
        hook.removed("caffeine", storage, RemovalCause.EXPIRED);

        assertEquals(List.of(List.of("jcache", "hit")), points("revisit.cache.requests").stream()
                .map(p -> List.of(p.attributeValues().get(0), p.attributeValues().get(2))).toList());
        assertEquals(2, sum("revisit.cache.evictions"));
        assertEquals("jcache", points("revisit.cache.evictions").get(0).attributeValues().get(0));
    }

    @Test
    void aThrowingReadCountsNothingAndLeavesNoFrameBehind() {
        Object cache = named("spring");
        hook.exit(hook.enter("spring", cache), false, new IllegalStateException("redis down"));
        Object call = hook.enter("spring", cache);
        hook.exit(call, false, null);
        assertEquals(0, count("hit"));
        assertEquals(1, count("miss"));
    }

    @Test
    void bulkReadsCountEachKey() {
        Object cache = named("jcache");
        hook.exitBulk(hook.enter("jcache", cache), 20, 10, null);
        hook.exitBulk(hook.enter("jcache", cache), -1, 3, null); // keys of unknown number: nothing
        assertEquals(10, count("hit"));
        assertEquals(10, count("miss"));
    }

    @Test
    void aReadByResultOutsideOtherReadsCountsItsResultAndNotTheLibrarysReport() {
        Object cache = named("caffeine");
        Object call = hook.enterByResult("caffeine", cache);
        hook.libraryHits(1);                                   // Caffeine's report inside getIfPresent
        hook.exit(call, true, null);
        call = hook.enterByResult("caffeine", cache);
        hook.libraryMisses(1);
        hook.exit(call, false, null);
        hook.exit(hook.enterByResult("caffeine", cache), false, new NullPointerException("null key"));
        assertEquals(1, count("hit"));
        assertEquals(1, count("miss"));
    }

    @Test
    void aReadByResultInsideALoaderCountsForItsOwnCacheAndLeavesTheOuterReadsCount() {
        Object loading = named("guava");
        Object other = named("caffeine");
        Object outer = hook.enter("guava", loading);
        Object inLoader = hook.enterByResult("caffeine", other);  // the loader calls getIfPresent on another cache
        hook.libraryHits(1);
        hook.exit(inLoader, true, null);
        hook.libraryMisses(1);                                   // the outer read's own verdict: it loaded
        hook.exitReported(outer);
        assertEquals(List.of(List.of("caffeine", "hit"), List.of("guava", "miss")), points("revisit.cache.requests").stream()
                .map(p -> List.of(p.attributeValues().get(0), p.attributeValues().get(2))).sorted(Comparator.comparing(Object::toString)).toList());
    }

    @Test
    void aReadByResultOfALayersStorageCountsNothing() {
        Object caffeine = new Wrapper(null);
        Object spring = new Wrapper(caffeine);
        hook.created("spring", spring);
        hook.exit(hook.enterByResult("caffeine", caffeine), true, null);
        assertEquals(0, count("hit"));
    }

    @Test
    void anotherThreadsReportNeverReachesThisThreadsRead() throws InterruptedException {
        Object cache = named("caffeine");
        Object call = hook.enter("caffeine", cache);
        Thread other = new Thread(() -> hook.libraryMisses(1));
        other.start();
        other.join();
        hook.libraryHits(1);
        hook.exitReported(call);
        assertEquals(1, count("hit"));
        assertEquals(0, count("miss"));
    }

    @Test
    void evictionsOfAStoreCountForTheLayerItBacksAndOfAnUnknownStoreNotAtAll() {
        Object heapStore = new Wrapper(null);
        Object ehcache = new Wrapper(heapStore);
        hook.created("jcache", new Wrapper(ehcache));
        hook.evicted("ehcache", heapStore);
        hook.evicted("ehcache", heapStore);
        hook.evicted("ehcache", new Object()); // a tier of a tiered store: no layer knows it
        assertEquals(2, sum("revisit.cache.evictions"));
        assertEquals("jcache", points("revisit.cache.evictions").get(0).attributeValues().get(0));
    }

    /** A cache registered through the hook, as its library's build advice would. */
    private Object named(String system) {
        Object cache = new Object();
        hook.created(system, cache);
        return cache;
    }

    private long count(String result) {
        return (long) points("revisit.cache.requests").stream()
                .filter(p -> p.attributeValues().get(2).equals(result)).mapToDouble(PointView::value).sum();
    }

    private long sum(String metric) {
        return (long) points(metric).stream().mapToDouble(PointView::value).sum();
    }

    private List<PointView> points(String metric) {
        return recorder.collect().stream().filter(v -> v.name().equals(metric)).findFirst()
                .map(MetricView::points).orElse(List.of());
    }
}
