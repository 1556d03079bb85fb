/**
 * Ehcache 3, the {@code caching} area: evictions by size and expiry of heap-only caches, counted for
 * the JCache cache they back ({@code revisit.cache.evictions}). Reads are the {@code jcache} module's.
 */
package dev.revisit.agent.instrumentation.ehcache;
