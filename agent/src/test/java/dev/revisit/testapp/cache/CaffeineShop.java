package dev.revisit.testapp.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caffeine (2.x or 3.x, whichever is first on the class path), every cache kind, each cache
 * built in its own method so it gets its own name. Each read pattern causes a known number of
 * hits and misses: 1,000 reads over 100 keys of which 90 are present give 900 hits and 100
 * misses; 1,000 loading reads over 100 keys give 100 misses (the loads) and 900 hits.
 * Every returned value is checked, so an agent that changed a result fails the run.
 */
public final class CaffeineShop {
    public static final int READS = 1_000;
    public static final int KEYS = 100;

    public static void main(String[] args) {
        Cache<Integer, String> manual = manual();
        for (int k = 0; k < 90; k++) {
            manual.put(k, "v" + k);
        }
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(manual.getIfPresent(k), k < 90 ? "v" + k : null);
        }

        Cache<Integer, String> computed = computed();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(computed.get(k, key -> "v" + key), "v" + k);
        }

        LoadingCache<Integer, String> loading = loading();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(loading.get(k), "v" + k);
        }

        // Statistics from a supplier: Caffeine wraps the counter in its GuardedStatsCounter, which
        // must not count a second time what the counter inside reports; a custom counter counts once.
        for (Cache<Integer, String> supplied : List.of(guarded(), custom())) {
            for (int i = 0; i < READS; i++) {
                int k = i % KEYS;
                check(supplied.get(k, key -> "v" + key), "v" + k);
            }
            check(String.valueOf(supplied.stats().hitCount()), "900");
        }

        AsyncCache<Integer, String> async = async();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(async.get(k, key -> "v" + key).join(), "v" + k);
        }

        AsyncLoadingCache<Integer, String> asyncLoading = asyncLoading();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(asyncLoading.get(k).join(), "v" + k);
        }

        // getAll: 10 loaded one by one (10 misses), then 20 asked at once: 10 hits, 10 misses.
        LoadingCache<Integer, String> bulk = bulk();
        List<Integer> twenty = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            if (k < 10) {
                bulk.get(k);
            }
            twenty.add(k);
        }
        Map<Integer, String> all = bulk.getAll(twenty);
        check(String.valueOf(all.size()), "20");

        // Evictions by size: 100 entries into room for 10, maintenance on this thread.
        Cache<Integer, String> sized = sized();
        for (int k = 0; k < 100; k++) {
            sized.put(k, "v" + k);
        }
        sized.cleanUp();
        check(String.valueOf(sized.estimatedSize()), "10");
        sized.invalidateAll(); // explicit removals are not evictions

        // Evictions by expiry: 50 entries, two minutes pass on a one-minute expiry.
        AtomicLong now = new AtomicLong();
        Cache<Integer, String> expiring = expiring(now::get);
        for (int k = 0; k < 50; k++) {
            expiring.put(k, "v" + k);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(2));
        expiring.cleanUp();
        check(String.valueOf(expiring.estimatedSize()), "0");

        // Faults: the application sees exactly what Caffeine throws.
        LoadingCache<Integer, String> failing = failing();
        try {
            failing.get(1);
            throw new AssertionError("the loader's exception was swallowed");
        } catch (IllegalStateException expected) {
            check(expected.getMessage(), "no value for 1");
        }
        try {
            manual.getIfPresent(null);
            throw new AssertionError("a null key was accepted");
        } catch (NullPointerException expected) {
            // as without the agent
        }
        System.out.println("caffeine shop done");
    }

    static Cache<Integer, String> manual() {
        return Caffeine.newBuilder().maximumSize(10_000).build();
    }

    static Cache<Integer, String> computed() {
        return Caffeine.newBuilder().build();
    }

    static LoadingCache<Integer, String> loading() {
        return Caffeine.newBuilder().maximumSize(10_000).recordStats().build(key -> "v" + key);
    }

    static Cache<Integer, String> guarded() {
        return Caffeine.newBuilder().maximumSize(10_000).recordStats(ConcurrentStatsCounter::new).build();
    }

    static Cache<Integer, String> custom() {
        return Caffeine.newBuilder().maximumSize(10_000).recordStats(CountingStats::new).build();
    }

    /** An application's own stats counter (Caffeine wraps it in its GuardedStatsCounter). */
    static final class CountingStats implements StatsCounter {
        private final AtomicLong hits = new AtomicLong();
        private final AtomicLong misses = new AtomicLong();

        @Override
        public void recordHits(int count) {
            hits.addAndGet(count);
        }

        @Override
        public void recordMisses(int count) {
            misses.addAndGet(count);
        }

        @Override
        public void recordLoadSuccess(long loadTime) {}

        @Override
        public void recordLoadFailure(long loadTime) {}

        public void recordEviction(int weight, RemovalCause cause) {}

        public void recordEviction() {} // Caffeine 2.x's older, abstract variant

        @Override
        public CacheStats snapshot() {
            return CacheStats.of(hits.get(), misses.get(), 0, 0, 0, 0, 0);
        }
    }

    static AsyncCache<Integer, String> async() {
        return Caffeine.newBuilder().maximumSize(10_000).buildAsync();
    }

    static AsyncLoadingCache<Integer, String> asyncLoading() {
        return Caffeine.newBuilder().buildAsync(key -> "v" + key);
    }

    static LoadingCache<Integer, String> bulk() {
        return Caffeine.newBuilder().maximumSize(10_000).build(key -> "v" + key);
    }

    static Cache<Integer, String> sized() {
        return Caffeine.newBuilder().maximumSize(10).executor(Runnable::run).build();
    }

    static Cache<Integer, String> expiring(Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(1, TimeUnit.MINUTES).ticker(ticker).executor(Runnable::run).build();
    }

    static LoadingCache<Integer, String> failing() {
        return Caffeine.newBuilder().build(key -> {
            throw new IllegalStateException("no value for " + key);
        });
    }

    static void check(String actual, String expected) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " but the cache returned " + actual);
        }
    }
}
