package dev.revisit.testapp.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Bursts into one-worker pools whose every wait the program measures itself and prints, for
 * the test to hold the agent's sampled histogram against: args: waves tasksPerWave deepTasks taskMicros.
 * <ul>
 *   <li>{@code waves-worker-N}: {@code waves} bursts of {@code tasksPerWave} tasks, each burst
 *       run to the end before the next: backlogs the agent's table holds whole;</li>
 *   <li>{@code deep-worker-N}: one burst of {@code deepTasks}: far deeper than the table.</li>
 * </ul>
 * Prints one line per pool: {@code <pool> <wait nanos> <wait nanos> ...}.
 */
public final class SampledBursts {

    public static void main(String[] args) throws Exception {
        int waves = Integer.parseInt(args[0]);
        int tasksPerWave = Integer.parseInt(args[1]);
        int deepTasks = Integer.parseInt(args[2]);
        long taskNanos = Long.parseLong(args[3]) * 1_000L;
        System.out.println("waves " + bursts("waves-worker-", waves, tasksPerWave, taskNanos));
        System.out.println("deep " + bursts("deep-worker-", 1, deepTasks, taskNanos));
    }

    private static String bursts(String threadPrefix, int bursts, int tasks, long taskNanos) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), SaturatedPools.named(threadPrefix));
        pool.prestartAllCoreThreads();
        AtomicLongArray waits = new AtomicLongArray(bursts * tasks);
        for (int b = 0; b < bursts; b++) {
            CountDownLatch done = new CountDownLatch(tasks);
            for (int i = 0; i < tasks; i++) {
                int index = b * tasks + i;
                long submitted = System.nanoTime();
                pool.execute(() -> {
                    waits.set(index, System.nanoTime() - submitted);
                    LockSupport.parkNanos(taskNanos);
                    done.countDown();
                });
            }
            done.await();
        }
        pool.shutdown();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < waits.length(); i++) {
            line.append(i == 0 ? "" : " ").append(waits.get(i));
        }
        return line.toString();
    }
}
