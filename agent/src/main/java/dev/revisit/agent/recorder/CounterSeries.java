package dev.revisit.agent.recorder;

import java.util.concurrent.atomic.LongAdder;

/** One counter series. {@link LongAdder} stripes under contention; its cells are allocated once. */
public final class CounterSeries {
    private final LongAdder total = new LongAdder();

    public void add(long amount) {
        total.add(amount);
    }

    public void increment() {
        total.increment();
    }

    long value() {
        return total.sum();
    }
}
