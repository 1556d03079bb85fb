package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;
import dev.revisit.agent.recorder.Recorder;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor hook behind {@code revisit.executor.queue.wait}: submit-to-start per task for
 * {@code ThreadPoolExecutor}; for {@code ScheduledThreadPoolExecutor}, how late a task started
 * against the time it was scheduled for (its own {@link Delayed#getDelay}, negative once due),
 * which is the queue wait of an immediate task and the lateness of a delayed or periodic one.
 * Steady state allocates nothing: submit times go into {@link SubmitTimes}, and each worker
 * thread keeps its pool's series.
 */
final class QueueWait extends ExecutorHook {
    static final String METRIC = "revisit.executor.queue.wait";

    private final Histogram wait;
    private final SubmitTimes submitTimes = new SubmitTimes(15);
    private final WeakIdentityMap<PoolNames.Creator> creators = new WeakIdentityMap<>(10_000);
    private final ThreadLocal<WorkerCache> workers = ThreadLocal.withInitial(WorkerCache::new);

    QueueWait(Recorder recorder) {
        this.wait = recorder.durationHistogram(METRIC, "Time tasks waited in an executor's queue before a worker started them",
                "executor.name");
    }

    @Override
    public void created(Object executor) {
        creators.put(executor, PoolNames.creatorOfPoolBeingBuilt());
    }

    @Override
    public void submitted(Object task) {
        submitTimes.put(task, System.nanoTime());
    }

    @Override
    public void started(Object executor, Object task) {
        if (task == null) {
            return;
        }
        long waited;
        if (task instanceof Delayed scheduled && executor instanceof ScheduledThreadPoolExecutor) {
            waited = Math.max(0L, -scheduled.getDelay(TimeUnit.NANOSECONDS));
        } else {
            long now = System.nanoTime();
            long submitted = submitTimes.take(task);
            if (submitted < 0) {
                return; // submitted before the agent was installed, or forgotten
            }
            waited = SubmitTimes.waitedNanos(submitted, now);
        }
        HistogramSeries series = seriesOf(executor);
        if (series != null) {
            series.record(waited);
        }
    }

    @Override
    public void dropped(Object task) {
        submitTimes.take(task);
    }

    private HistogramSeries seriesOf(Object executor) {
        WorkerCache cache = workers.get();
        if (cache.executor != executor) {
            String name = PoolNames.name(executor, creators.get(executor), Thread.currentThread());
            cache.series = name == null ? null : wait.series(name);
            cache.executor = executor;
        }
        return cache.series;
    }

    /** A worker thread serves one pool: its series, resolved once. */
    private static final class WorkerCache {
        Object executor;
        HistogramSeries series;
    }
}
