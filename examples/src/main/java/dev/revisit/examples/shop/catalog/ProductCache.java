package dev.revisit.examples.shop.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Function;

/**
 * Products by id, kept in Caffeine. The agent names this cache after where it is built:
 * {@code ProductCache.new}, the name examples/decisions/shop.yaml scopes its hit ratio to.
 */
public final class ProductCache {

    private final Cache<Long, Optional<Product>> cache;

    public ProductCache(int maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    public Optional<Product> get(long id, Function<Long, Optional<Product>> load) {
        return cache.get(id, load);
    }
}
