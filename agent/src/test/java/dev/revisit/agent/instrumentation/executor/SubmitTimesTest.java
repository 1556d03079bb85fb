package dev.revisit.agent.instrumentation.executor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitTimesTest {
    private static final long T0 = 5_000_000_000L;

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
        assertEquals(0, times.size(), "every entry an eviction left was taken");
        Object late = new Object();
        times.put(late, 2_000_000_000L);
        assertTrue(times.take(late) >= 0);
    }

    @Test
    void evictionsKeepTheCountToTheEntriesPresent() {
        SubmitTimes times = new SubmitTimes(4); // 16 slots, so almost every put evicts
        List<Object> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Object task = new Object();
            tasks.add(task);
            times.put(task, T0 + i * 1_000_000L);
        }
        long counted = times.size();
        assertTrue(counted > 0 && counted <= 16, "count " + counted);
        int found = 0;
        for (Object task : tasks) {
            found += times.take(task) >= 0 ? 1 : 0;
        }
        assertEquals(counted, found, "the count was the entries present");
        assertEquals(0, times.size());
    }

    @Test
    void entriesNeverTakenAreReclaimedOnceStaleAndTheCountReturnsToZero() {
        SubmitTimes times = new SubmitTimes(12); // sparse: no window fills, so no put evicts
        List<Object> tasks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Object task = new Object();
            tasks.add(task);
            times.put(task, T0 + i * 1_000L);
        }
        assertEquals(300, times.size());
        long staleNanos = SubmitTimes.STALE_TICKS << SubmitTimes.TIME_SHIFT;
        times.reclaimStale(T0 + staleNanos / 2);
        assertEquals(300, times.size(), "not stale yet");
        Object late = new Object();
        times.put(late, T0 + 2 * staleNanos); // put after the reclaimer read its clock below: a negative age, never stale
        times.reclaimStale(T0 + staleNanos + 2_000_000L);
        assertEquals(1, times.size(), "all but the one put later");
        assertEquals(-1L, times.take(tasks.get(0)));
        assertTrue(times.take(late) >= 0);
        assertEquals(0, times.size());
    }

    @Test
    void staleAgesAreRightAcrossTheTickWrap() {
        SubmitTimes times = new SubmitTimes(6);
        long beforeWrap = ((1L << 32) - 5) << SubmitTimes.TIME_SHIFT;
        Object task = new Object();
        times.put(task, beforeWrap);
        long staleNanos = SubmitTimes.STALE_TICKS << SubmitTimes.TIME_SHIFT;
        times.reclaimStale(beforeWrap + staleNanos / 2);
        assertEquals(1, times.size(), "young across the wrap");
        times.reclaimStale(beforeWrap + staleNanos + 1_000_000L);
        assertEquals(0, times.size(), "stale across the wrap");
    }

    /** Submitters and workers on their own threads in a table small enough to evict: every entry is counted off exactly once. */
    @Test
    void concurrentPutsAndTakesEndAtZero() throws Exception {
        SubmitTimes times = new SubmitTimes(6);
        long taken = SubmittersAndWorkers.run(100_000, task -> times.put(task, System.nanoTime()), task -> times.take(task) >= 0);
        assertTrue(taken > 0, "some were found");
        assertEquals(0, times.size(), "every entry taken or evicted, each counted off once");
    }
}
