package dev.revisit.agent.bootstrap.executor;

/**
 * What advice in {@code java.util.concurrent.ThreadPoolExecutor} (and so
 * {@code ScheduledThreadPoolExecutor}) calls; no-op until the agent installs the real hook.
 * Tasks are passed as they are, never wrapped: the queue, {@code remove(task)} and
 * {@code shutdownNow()} see the application's own objects.
 */
public abstract class ExecutorHook {
    private static volatile ExecutorHook current = new ExecutorHook() {};

    public static ExecutorHook get() {
        return current;
    }

    public static void install(ExecutorHook hook) {
        current = hook;
    }

    /** A pool was constructed (rare): remember who made it, for its name. */
    public void created(Object executor) {}

    /** {@code execute(task)} was entered: the task's submit time. */
    public void submitted(Object task) {}

    /** A worker took {@code task} (queued, or handed to it as its first task) and is about to run it. */
    public void started(Object executor, Object task) {}

    /** The task left without running (rejected, or removed from the queue). */
    public void dropped(Object task) {}
}
