package dev.revisit.testapp.cache;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

import static dev.revisit.testapp.cache.CaffeineShop.KEYS;
import static dev.revisit.testapp.cache.CaffeineShop.READS;
import static dev.revisit.testapp.cache.CaffeineShop.check;

/**
 * {@code @Cacheable} in a small Spring context: {@code products} in a ConcurrentMapCache, and
 * {@code prices} in a Spring cache over JCache over Caffeine (three instrumented layers, one
 * lookup each). 1,000 calls over 100 ids: 100 misses (the method runs) and 900 hits each.
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
            check(String.valueOf(Catalog.productLoads), String.valueOf(KEYS));
            check(String.valueOf(Catalog.priceLoads), String.valueOf(KEYS));
            try {
                catalog.failing(1);
                throw new AssertionError("the method's exception was swallowed");
            } catch (IllegalStateException expected) {
                check(expected.getMessage(), "no value for 1");
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
        public Catalog catalog() {
            return new Catalog();
        }
    }

    public static class Catalog {
        // Static: the caller holds a proxy, whose own fields the target never updates.
        static int productLoads;
        static int priceLoads;

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

        @Cacheable("failing")
        public String failing(int id) {
            throw new IllegalStateException("no value for " + id);
        }
    }
}
