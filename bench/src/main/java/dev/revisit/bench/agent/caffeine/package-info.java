/** What the agent adds to a Caffeine read (the {@code caching} instrumentation's hot path). */
package dev.revisit.bench.agent.caffeine;
