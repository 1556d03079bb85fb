/** The hook that {@code ThreadPoolExecutor} advice calls, for {@code revisit.executor.queue.wait}. */
package dev.revisit.agent.bootstrap.executor;
