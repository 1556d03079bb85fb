package dev.revisit.examples.shop.orders;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirms placed orders in the background on the {@code order-worker} pool (the agent names the
 * pool after its threads) and announces them. Sized for the load: tasks barely wait.
 */
public final class OrderProcessor implements AutoCloseable {

    private final Orders orders;
    private final OrderEvents events;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger failures = new AtomicInteger();

    public OrderProcessor(Orders orders, OrderEvents events, int workers) {
        this.orders = orders;
        this.events = events;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "order-worker-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), threads);
    }

    /** False when the pool is full: the order stays placed, and the caller says so. */
    public boolean submit(long orderId, String customer) {
        try {
            pool.execute(() -> process(orderId, customer));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void process(long orderId, String customer) {
        try {
            orders.confirm(orderId);
            events.confirmed(orderId, customer);
        } catch (Exception e) {
            if (failures.getAndIncrement() == 0) { // once: the load repeats it
                System.err.println("order-worker: order " + orderId + ": " + e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
