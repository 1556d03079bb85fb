/**
 * Lettuce, the {@code caching} area: Redis used as a cache, for the sync, async and reactive
 * APIs. A value in the reply to a read is a hit, nil a miss, counted per key under the name of
 * the key's prefix ({@code cache.system} {@code redis}); the shared logic is
 * {@link dev.revisit.agent.instrumentation.cache.RedisReads}.
 */
package dev.revisit.agent.instrumentation.lettuce;
