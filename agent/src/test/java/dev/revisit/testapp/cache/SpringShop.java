package dev.revisit.testapp.cache;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.revisit.testapp.cache.CaffeineShop.KEYS;
import static dev.revisit.testapp.cache.CaffeineShop.READS;
import static dev.revisit.testapp.cache.CaffeineShop.check;

/**
 * {@code @Cacheable} in a small Spring context: {@code products} in a ConcurrentMapCache, and
 * {@code prices} in a Spring cache over JCache over Caffeine (three instrumented layers, one
 * lookup each). 1,000 calls over 100 ids: 100 misses (the method runs) and 900 hits each.
 * The same with {@code sync = true} (Spring's {@code get(key, Callable)}): {@code stock} in a
 * ConcurrentMapCache, {@code rates} in Spring's CaffeineCache, {@code ledger} in a cache that
 * answers {@code get(key, loader)} through its own {@code get(key)} first, as Spring Data's
 * RedisCache does (one read each, not two).
 */
public final class SpringShop {

    public static void main(String[] args) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Config.class)) {
            Catalog catalog = context.getBean(Catalog.class);
            for (int i = 0; i < READS; i++) {
                int id = i % KEYS;
                check(catalog.product(id), "product " + id);
                check(catalog.price(id), "price " + id);
            }
            for (int i = 0; i < READS; i++) {
                int id = i % KEYS;
                check(catalog.stock(id), "stock " + id);
                check(catalog.rate(id), "rate " + id);
                check(catalog.ledger(id), "ledger " + id);
            }
            check(String.valueOf(Catalog.productLoads), String.valueOf(KEYS));
            check(String.valueOf(Catalog.priceLoads), String.valueOf(KEYS));
            check(String.valueOf(Catalog.syncLoads), String.valueOf(3 * KEYS));
            try {
                catalog.failing(1);
                throw new AssertionError("the method's exception was swallowed");
            } catch (IllegalStateException expected) {
                check(expected.getMessage(), "no value for 1");
            }
            try {
                catalog.failingSync(2);
                throw new AssertionError("the loader's exception was swallowed");
            } catch (IllegalStateException expected) {
                check(expected.getMessage(), "no value for 2");
            }
        }
        System.out.println("spring shop done");
    }

    @Configuration
    @EnableCaching(proxyTargetClass = true)
    public static class Config {
        @Bean
        @Primary
        public CacheManager cacheManager() {
            return new ConcurrentMapCacheManager();
        }

        @Bean
        public CacheManager jcacheManager() {
            javax.cache.CacheManager caffeine = Caching.getCachingProvider(JCacheShop.CAFFEINE).getCacheManager();
            if (caffeine.getCache("prices") == null) {
                caffeine.createCache("prices", new MutableConfiguration<>());
            }
            return new JCacheCacheManager(caffeine);
        }

        @Bean
        public CacheManager caffeineManager() {
            return new CaffeineCacheManager("rates");
        }

        @Bean
        public CacheManager selfAnsweringManager() {
            SimpleCacheManager manager = new SimpleCacheManager();
            manager.setCaches(List.of(new SelfAnsweringCache("ledger")));
            return manager;
        }

        @Bean
        public Catalog catalog() {
            return new Catalog();
        }
    }

    public static class Catalog {
        // Static: the caller holds a proxy, whose own fields the target never updates.
        static int productLoads;
        static int priceLoads;
        static int syncLoads;

        @Cacheable("products")
        public String product(int id) {
            productLoads++;
            return "product " + id;
        }

        @Cacheable(cacheNames = "prices", cacheManager = "jcacheManager")
        public String price(int id) {
            priceLoads++;
            return "price " + id;
        }

        @Cacheable(cacheNames = "stock", sync = true)
        public String stock(int id) {
            syncLoads++;
            return "stock " + id;
        }

        @Cacheable(cacheNames = "rates", cacheManager = "caffeineManager", sync = true)
        public String rate(int id) {
            syncLoads++;
            return "rate " + id;
        }

        @Cacheable(cacheNames = "ledger", cacheManager = "selfAnsweringManager", sync = true)
        public String ledger(int id) {
            syncLoads++;
            return "ledger " + id;
        }

        @Cacheable(cacheNames = "failingSync", sync = true)
        public String failingSync(int id) {
            throw new IllegalStateException("no value for " + id);
        }

        @Cacheable("failing")
        public String failing(int id) {
            throw new IllegalStateException("no value for " + id);
        }
    }

    /** Answers {@code get(key, loader)} through its own {@code get(key)} first, then loads and puts. */
    static final class SelfAnsweringCache extends ConcurrentMapCache {
        SelfAnsweringCache(String name) {
            super(name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Object key, Callable<T> valueLoader) {
            ValueWrapper present = get(key);
            if (present != null) {
                return (T) present.get();
            }
            try {
                T value = valueLoader.call();
                put(key, value);
                return value;
            } catch (Exception e) {
                throw new ValueRetrievalException(key, valueLoader, e);
            }
        }
    }
}
