package dev.revisit.agent.instrumentation.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Two submitting and two working threads around a queue, as in a pool: the hook's tables under real races. */
final class SubmittersAndWorkers {
    private SubmittersAndWorkers() {}

    /**
     * @param submit called with each new task before it is queued, as {@code execute()}'s advice is
     * @param start called with each task a worker polls; true when it found the task
     * @return how many starts found their task
     */
    static long run(int perSubmitter, Consumer<Object> submit, Predicate<Object> start) throws InterruptedException {
        ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
        CountDownLatch submitting = new CountDownLatch(2);
        long[] found = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    Object task = new Object();
                    submit.accept(task);
                    queue.add(task);
                }
                submitting.countDown();
            }));
        }
        for (int w = 0; w < 2; w++) {
            int worker = w;
            threads.add(new Thread(() -> {
                while (true) {
                    Object task = queue.poll();
                    if (task == null) {
                        if (submitting.getCount() == 0 && queue.isEmpty()) {
                            return;
                        }
                        Thread.onSpinWait();
                        continue;
                    }
                    if (start.test(task)) {
                        found[worker]++;
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
        }
        return found[0] + found[1];
    }
}
