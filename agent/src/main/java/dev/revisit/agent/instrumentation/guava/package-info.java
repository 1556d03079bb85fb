/**
 * Guava's {@code Cache}/{@code LoadingCache}, the {@code caching} area: hit/miss per cache and
 * evictions by size and expiry. Caches are named after the application method that built them.
 */
package dev.revisit.agent.instrumentation.guava;
