package dev.revisit.agent.instrumentation.cache;

import java.lang.reflect.Field;
import java.util.function.BiFunction;

/**
 * Finds the caches a named layer stores its entries in — Spring's {@code JCacheCache} and
 * {@code CaffeineCache}, Caffeine's JCache {@code CacheProxy}, Ehcache's {@code Eh107Cache}, a
 * transaction-aware decorator —
 * through the fields those wrappers keep them in, and marks them as backing that layer: their
 * reads are the layer's reads (counted once, by the layer) and their evictions are the layer's.
 * Structural rather than by call nesting, so a loader that reads some other cache still counts.
 */
final class BackingCaches {
    /** Ehcache 3: {@code Eh107Cache.ehCache}, then the cache's {@code store} (its heap store when heap-only). */
    private static final String[] WRAPPED_FIELDS = {"cache", "asyncCache", "targetCache", "delegate", "ehCache", "store"};
    private static final int MAX_LAYERS = 4;

    private BackingCaches() {}

    /** Systems whose caches carry a name and may wrap another instrumented cache. */
    static boolean isNamedLayer(String system) {
        return system.equals("spring") || system.equals("jcache");
    }

    static void markInner(Object outer, CacheSeries outerSeries, BiFunction<Object, CacheSeries, CacheSeries> seriesOf) {
        mark(outer, outerSeries, seriesOf, 0);
    }

    private static void mark(Object wrapper, CacheSeries outerSeries, BiFunction<Object, CacheSeries, CacheSeries> seriesOf, int layer) {
        if (layer == MAX_LAYERS) {
            return;
        }
        for (String fieldName : WRAPPED_FIELDS) {
            Object inner = read(wrapper, fieldName);
            if (inner != null && inner != wrapper && !(inner instanceof String) && !inner.getClass().getName().startsWith("java.")) {
                seriesOf.apply(inner, outerSeries).backs = outerSeries;
                mark(inner, outerSeries, seriesOf, layer + 1);
            }
        }
    }

    private static Object read(Object target, String fieldName) {
        for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(fieldName);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (Throwable inaccessible) {
                return null;
            }
        }
        return null;
    }
}
