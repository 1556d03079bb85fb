/**
 * JCache ({@code javax.cache}), the {@code caching} area: hit/miss per named cache for any
 * provider (tested with Caffeine's and Ehcache 3's). A provider's own storage, when instrumented
 * too, counts as the JCache cache, once.
 */
package dev.revisit.agent.instrumentation.jcache;
