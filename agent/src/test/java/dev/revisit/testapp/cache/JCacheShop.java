package dev.revisit.testapp.cache;

import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.jsr107.Eh107Configuration;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static dev.revisit.testapp.cache.CaffeineShop.KEYS;
import static dev.revisit.testapp.cache.CaffeineShop.READS;
import static dev.revisit.testapp.cache.CaffeineShop.check;

/**
 * JCache through two providers, Caffeine's and Ehcache 3's, each with a cache of 1,000 reads
 * over 100 keys of which 90 are present (900 hits, 100 misses) and a getAll of 20 keys of which
 * 10 are present. Caffeine's provider also gets a 10-entry cache (maximum size set through its
 * configuration, {@code caffeine.jcache.sized.*}) filled with 100 entries: 90 evictions.
 * Ehcache's provider gets the same by size ({@code ehcache-sized}, heap of 10: 90 evictions) and
 * one by expiry ({@code ehcache-expiring}: 50 entries living 200 ms, read after 400 ms: 50
 * expirations, 50 misses).
 */
public final class JCacheShop {
    static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";

    public static void main(String[] args) throws InterruptedException {
        CacheManager caffeine = Caching.getCachingProvider(CAFFEINE).getCacheManager();
        CacheManager ehcache = Caching.getCachingProvider(EHCACHE).getCacheManager();
        readAsCaused(caffeine.createCache("caffeine-products", new MutableConfiguration<Integer, String>()));
        readAsCaused(ehcache.createCache("ehcache-products", new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class)));

        Cache<Integer, String> sized = caffeine.getCache("sized"); // configured by caffeine.jcache.sized.* properties
        for (int k = 0; k < 100; k++) {
            sized.put(k, "v" + k);
        }
        com.github.benmanes.caffeine.cache.Cache<?, ?> storage = sized.unwrap(com.github.benmanes.caffeine.cache.Cache.class);
        for (int attempt = 0; attempt < 100 && storage.estimatedSize() > 10; attempt++) {
            storage.cleanUp();
            Thread.sleep(20);
        }
        check(String.valueOf(storage.estimatedSize()), "10");

        Cache<Integer, String> ehSized = ehcache.createCache("ehcache-sized", Eh107Configuration.fromEhcacheCacheConfiguration(
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Integer.class, String.class, ResourcePoolsBuilder.heap(10))));
        for (int k = 0; k < 100; k++) {
            ehSized.put(k, "v" + k);
        }
        Cache<Integer, String> ehExpiring = ehcache.createCache("ehcache-expiring", Eh107Configuration.fromEhcacheCacheConfiguration(
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Integer.class, String.class, ResourcePoolsBuilder.heap(1000))
                        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(Duration.ofMillis(200)))));
        for (int k = 0; k < 50; k++) {
            ehExpiring.put(k, "v" + k);
        }
        Thread.sleep(400);
        for (int k = 0; k < 50; k++) {
            check(ehExpiring.get(k), null);
        }

        // Faults: a read-through loader that throws reaches the application as a CacheLoaderException.
        Cache<Integer, String> failing = caffeine.createCache("failing", new MutableConfiguration<Integer, String>()
                .setReadThrough(true)
                .setCacheLoaderFactory(() -> new CacheLoader<Integer, String>() {
                    @Override
                    public String load(Integer key) {
                        throw new IllegalStateException("no value for " + key);
                    }

                    @Override
                    public Map<Integer, String> loadAll(Iterable<? extends Integer> keys) {
                        throw new IllegalStateException("no values");
                    }
                }));
        try {
            failing.get(1);
            throw new AssertionError("the loader's exception was swallowed");
        } catch (CacheLoaderException expected) {
            // as without the agent
        }
        try {
            caffeine.getCache("caffeine-products").get(null);
            throw new AssertionError("a null key was accepted");
        } catch (NullPointerException expected) {
            // as without the agent
        }
        System.out.println("jcache shop done");
    }

    private static void readAsCaused(Cache<Integer, String> cache) {
        for (int k = 0; k < 90; k++) {
            cache.put(k, "v" + k);
        }
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(cache.get(k), k < 90 ? "v" + k : null);
        }
        Set<Integer> twenty = new LinkedHashSet<>();
        for (int k = 80; k < 100; k++) {
            twenty.add(k);
        }
        check(String.valueOf(cache.getAll(twenty).size()), "10");
    }
}
