/**
 * The hook cache advice calls: {@code revisit.cache.requests} and {@code revisit.cache.evictions}
 * for every in-process cache library the agent instruments.
 */
package dev.revisit.agent.bootstrap.cache;
