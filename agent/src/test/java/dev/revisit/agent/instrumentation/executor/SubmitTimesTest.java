package dev.revisit.agent.instrumentation.executor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitTimesTest {

    @Test
    void aTaskIsFoundOnceWithItsWait() {
        SubmitTimes times = new SubmitTimes(10);
        Object task = new Object();
        long submitted = 5_000_000_000L;
        times.put(task, submitted);
        long ticks = times.take(task);
        assertEquals(3_000_000L, SubmitTimes.waitedNanos(ticks, submitted + 3_000_000L), 1 << SubmitTimes.TIME_SHIFT);
        assertEquals(-1L, times.take(task), "taken already");
        assertEquals(-1L, times.take(new Object()), "never put");
    }

    @Test
    void timesWithTheHighTickBitSetAndAcrossTheWrapStillGiveTheWait() {
        SubmitTimes times = new SubmitTimes(10);
        Object task = new Object();
        long submitted = ((1L << 32) - 1) << SubmitTimes.TIME_SHIFT; // the last tick before the 32-bit wrap
        times.put(task, submitted);
        assertEquals(2_048L, SubmitTimes.waitedNanos(times.take(task), submitted + 2_048L));
        Object negative = new Object();
        times.put(negative, -7_000_000L);
        assertEquals(1_000_000L, SubmitTimes.waitedNanos(times.take(negative), -6_000_000L), 1 << SubmitTimes.TIME_SHIFT);
    }

    @Test
    void aFullTableForgetsTheOldestAndKeepsWorking() {
        SubmitTimes times = new SubmitTimes(4); // 16 slots
        List<Object> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Object task = new Object();
            tasks.add(task);
            times.put(task, i * 1_000_000L);
        }
        int found = 0;
        for (Object task : tasks) {
            found += times.take(task) >= 0 ? 1 : 0;
        }
        assertTrue(found > 0 && found <= 16, "found " + found);
        Object late = new Object();
        times.put(late, 2_000_000_000L);
        assertTrue(times.take(late) >= 0);
    }
}
