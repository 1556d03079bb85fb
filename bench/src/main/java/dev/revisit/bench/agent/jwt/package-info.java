/** What the agent adds to one JWT verification inside a request (the {@code jwt} instrumentation's hot path). */
package dev.revisit.bench.agent.jwt;
