package dev.revisit.testapp.executor;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Three saturated pools whose waits the program measures itself and prints, for the test to
 * hold against what the agent exported: args: tasks taskMillis.
 * <ul>
 *   <li>{@code orders-worker-N} threads: one worker, {@code tasks} tasks of {@code taskMillis} each, submitted at once;</li>
 *   <li>a pool on the JDK's default thread factory (named after this class): a blocked worker,
 *       then remove(task), a rejection and shutdownNow(), which must see the very task objects submitted;</li>
 *   <li>{@code ticker-N}: a scheduled pool whose worker is busy when {@code tasks} immediate tasks come due.</li>
 * </ul>
 */
public final class SaturatedPools {

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        long taskMillis = Long.parseLong(args[1]);
        ordersPool(tasks, taskMillis);
        identityPool();
        tickerPool(tasks, taskMillis);
    }

    private static void ordersPool(int tasks, long taskMillis) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("orders-worker-"));
        AtomicLong waited = new AtomicLong();
        AtomicInteger overQuarterSecond = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            long submitted = System.nanoTime();
            pool.execute(() -> {
                long wait = System.nanoTime() - submitted;
                waited.addAndGet(wait);
                if (wait > 250_000_000L) {
                    overQuarterSecond.incrementAndGet();
                }
                sleep(taskMillis);
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        System.out.println("orders " + tasks + " " + waited.get() + " " + overQuarterSecond.get());
    }

    private static void identityPool() throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        pool.execute(() -> {
            running.countDown();
            await(release);
        });
        running.await();
        Runnable kept = () -> { };
        Runnable removed = () -> { };
        pool.execute(kept);
        pool.execute(removed);
        check(pool.remove(removed), "remove(task) found the submitted task");
        pool.execute(removed);
        try {
            pool.execute(() -> { });
            throw new AssertionError("a full pool accepted a task");
        } catch (RejectedExecutionException expected) {
            System.out.println("rejected");
        }
        List<Runnable> never = pool.shutdownNow();
        check(never.size() == 2 && never.get(0) == kept && never.get(1) == removed, "shutdownNow() returned the submitted tasks: " + never);
        release.countDown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("identity ok");
    }

    private static void tickerPool(int tasks, long taskMillis) throws InterruptedException {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, named("ticker-"));
        CountDownLatch done = new CountDownLatch(tasks + 1);
        AtomicLong late = new AtomicLong();
        pool.execute(() -> {
            sleep(taskMillis * tasks);
            done.countDown();
        });
        for (int i = 0; i < tasks; i++) {
            long due = System.nanoTime();
            pool.schedule(() -> {
                late.addAndGet(System.nanoTime() - due);
                done.countDown();
            }, 0, TimeUnit.MILLISECONDS);
        }
        done.await();
        pool.shutdown();
        System.out.println("ticker " + (tasks + 1) + " " + late.get());
    }

    /** Threads named {@code prefix1}, {@code prefix2}, ... as an application's own factory would. */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory defaults = Executors.defaultThreadFactory();
        return r -> {
            Thread t = defaults.newThread(r);
            t.setName(prefix + n.incrementAndGet());
            return t;
        };
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("expected: " + what);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
