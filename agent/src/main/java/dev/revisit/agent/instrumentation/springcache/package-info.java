/**
 * Spring's cache abstraction ({@code org.springframework.cache.Cache}, so {@code @Cacheable}
 * counts), the {@code caching} area: hit/miss per named cache, whatever stores it.
 */
package dev.revisit.agent.instrumentation.springcache;
