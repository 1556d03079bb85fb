/**
 * In-process executors, the {@code async} area's local queue: {@code revisit.executor.queue.wait},
 * submit to start, for {@code ThreadPoolExecutor} and {@code ScheduledThreadPoolExecutor}, by
 * {@code executor.name}. Tasks are never wrapped (docs/adr/0007); one in
 * {@code revisit.executor.sample.every} is timed, remembered by reference in {@code
 * SampledTasks} and, behind deeper backlogs, by identity hash in {@code SubmitTimes}, whose own count of
 * entries decides whether workers look there (docs/adr/0015).
 */
package dev.revisit.agent.instrumentation.executor;
