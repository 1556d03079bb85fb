/**
 * In-process executors, the {@code async} area's local queue: {@code revisit.executor.queue.wait},
 * submit to start, for {@code ThreadPoolExecutor} and {@code ScheduledThreadPoolExecutor}, by
 * {@code executor.name}. Tasks are never wrapped (docs/adr/0007).
 */
package dev.revisit.agent.instrumentation.executor;
