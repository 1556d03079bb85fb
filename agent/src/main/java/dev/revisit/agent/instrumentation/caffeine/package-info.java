/**
 * Caffeine 2.x and 3.x, the {@code caching} area: hit/miss per cache for {@code Cache},
 * {@code LoadingCache}, {@code AsyncCache} and {@code AsyncLoadingCache}, and evictions by size,
 * expiry and collection. Caches are named after the application method that built them.
 */
package dev.revisit.agent.instrumentation.caffeine;
