package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;
import dev.revisit.agent.recorder.Recorder;

import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The executor hook behind {@code revisit.executor.queue.wait}: submit-to-start for
 * {@code ThreadPoolExecutor}; for {@code ScheduledThreadPoolExecutor}, how late a task started
 * against the time it was scheduled for (its own {@link Delayed#getDelay}, negative once due),
 * which is the queue wait of an immediate task and the lateness of a delayed or periodic one.
 * <p>
 * One task in {@code revisit.executor.sample.every}, chosen at random, is timed (docs/adr/0015):
 * the signal is a quantile, which a random subset estimates without bias, and two clock reads
 * per task alone would cost about the whole budget. A task not chosen costs a random number at
 * submit and, at start, a look at the occupied slots of {@link SampledTasks} — and, while a
 * backlog of more than 64 chosen tasks has entries in the overflow table, its identity hash and
 * a probe there. Steady state allocates nothing; each worker thread keeps its pool's series.
 */
final class QueueWait extends ExecutorHook {
    static final String METRIC = "revisit.executor.queue.wait";
    static final String SAMPLE_EVERY = "revisit.executor.sample.every";
    static final int DEFAULT_SAMPLE_EVERY = 8;
    static final int MAX_SAMPLE_EVERY = 1024;
    /** Room for the chosen tasks of a backlog of 64 × sample.every; a deeper one's overflow goes to {@link SubmitTimes}. */
    static final int TABLE_CAPACITY = 64;

    private final Histogram wait;
    private final long chosenBelow;
    private final SampledTasks sampled = new SampledTasks(TABLE_CAPACITY);
    /**
     * Chosen tasks the table had no room for, by identity hash (ADR 0007's table): every chosen
     * task is found, so a deep backlog is timed as fully as a shallow one. Workers look here only
     * while it holds something, by its own count, which returns to 0 once its entries are taken,
     * evicted or reclaimed as stale.
     */
    private final SubmitTimes overflow = new SubmitTimes(15);
    private final WeakIdentityMap<PoolNames.Creator> creators = new WeakIdentityMap<>(10_000);
    private final ThreadLocal<WorkerCache> workers = ThreadLocal.withInitial(WorkerCache::new);

    /** @param sampleEvery time one task in this many, 1 to {@value #MAX_SAMPLE_EVERY} */
    QueueWait(Recorder recorder, int sampleEvery) {
        if (sampleEvery < 1 || sampleEvery > MAX_SAMPLE_EVERY) {
            throw new IllegalArgumentException(SAMPLE_EVERY + " must be from 1 to " + MAX_SAMPLE_EVERY + ": " + sampleEvery);
        }
        this.wait = recorder.durationHistogram(METRIC, "Time tasks waited in an executor's queue before a worker started them"
                + (sampleEvery == 1 ? "" : ", one task in " + sampleEvery + " chosen at random"), "executor.name");
        this.chosenBelow = (1L << 31) / sampleEvery;
        recorder.onCollect(() -> reclaimStale(System.nanoTime()));
    }

    @Override
    public void created(Object executor) {
        creators.put(executor, PoolNames.creatorOfPoolBeingBuilt());
    }

    @Override
    public void submitted(Object task) {
        // ThreadLocalRandom lives in the Thread's own fields: no lookup, no shared state.
        int random = ThreadLocalRandom.current().nextInt();
        if (chosen(random) && task != null) {
            long now = System.nanoTime();
            if (!sampled.claim(task, now, random)) {
                overflow.put(task, now);
            }
        }
    }

    @Override
    public void started(Object executor, Object task) {
        if (executor instanceof ScheduledThreadPoolExecutor) {
            // Its tasks never pass execute(): choose here, and the task knows when it was due.
            if (task instanceof Delayed scheduled && chosen(ThreadLocalRandom.current().nextInt())) {
                record(executor, Math.max(0L, -scheduled.getDelay(TimeUnit.NANOSECONDS)));
            }
            return;
        }
        long submitted = sampled.take(task);
        if (submitted != SampledTasks.NONE) {
            record(executor, Math.max(0L, System.nanoTime() - submitted));
        } else {
            long ticks = overflow.take(task);
            if (ticks >= 0) {
                record(executor, SubmitTimes.waitedNanos(ticks, System.nanoTime()));
            }
        }
    }

    @Override
    public void dropped(Object task) {
        if (sampled.take(task) == SampledTasks.NONE) {
            overflow.take(task);
        }
    }

    /** Lets go of chosen tasks that left their queue unseen ({@code shutdownNow()}, {@code getQueue().clear()}); the export thread calls it. */
    void reclaimStale(long nanoTime) {
        sampled.reclaimStale(nanoTime);
        overflow.reclaimStale(nanoTime);
    }

    /** Chosen tasks waiting in the overflow, for tests. */
    long overflowSize() {
        return overflow.size();
    }

    private boolean chosen(int random) {
        return (random >>> 1) < chosenBelow;
    }

    private void record(Object executor, long waited) {
        HistogramSeries series = seriesOf(executor);
        if (series != null) {
            series.record(waited);
        }
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
