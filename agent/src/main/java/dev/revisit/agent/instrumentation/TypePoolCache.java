package dev.revisit.agent.instrumentation;

import dev.revisit.agent.identity.WeakIdentityMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Type descriptions parsed from class files, kept per class loader across transformations.
 * Without it Byte Buddy re-parses every super type (Object, the JDBC interfaces, ...) for
 * each class it matches, which made start-up seconds slower. Loaders are held weakly and
 * the descriptions softly, so neither a redeployed application nor memory pressure is held up.
 */
final class TypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
    private final WeakIdentityMap<TypePool.CacheProvider> byLoader = new WeakIdentityMap<>(10_000);
    private final TypePool.CacheProvider bootstrap = new TypePool.CacheProvider.Simple.UsingSoftReference();

    TypePoolCache() {
        super(TypePool.Default.ReaderMode.FAST);
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader classLoader) {
        if (classLoader == null) {
            return bootstrap;
        }
        TypePool.CacheProvider cache = byLoader.get(classLoader);
        if (cache == null) {
            synchronized (this) {
                cache = byLoader.get(classLoader);
                if (cache == null) {
                    cache = new TypePool.CacheProvider.Simple.UsingSoftReference();
                    byLoader.put(classLoader, cache);
                }
            }
        }
        return cache;
    }
}
