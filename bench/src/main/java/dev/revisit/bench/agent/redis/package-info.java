/** What the agent adds to a Redis read through Jedis (the {@code caching} instrumentation of Redis). */
package dev.revisit.bench.agent.redis;
