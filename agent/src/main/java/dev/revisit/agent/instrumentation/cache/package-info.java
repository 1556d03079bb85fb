/**
 * What every cache instrumentation shares: the hook implementation ({@link dev.revisit.agent.instrumentation.cache.CacheMetrics})
 * behind {@code revisit.cache.requests} and {@code revisit.cache.evictions}, cache names, and the
 * count-once rule for caches layered over one another. The per-library packages
 * ({@code caffeine}, {@code guava}, {@code jcache}, {@code springcache}) only say where to listen.
 */
package dev.revisit.agent.instrumentation.cache;
