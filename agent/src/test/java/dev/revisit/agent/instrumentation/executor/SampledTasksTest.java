package dev.revisit.agent.instrumentation.executor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampledTasksTest {
    private static final long T0 = 5_000_000_000L;

    @Test
    void aClaimedTaskIsTakenOnceWithItsSubmitTime() {
        SampledTasks table = new SampledTasks(8);
        Object task = new Object();
        assertTrue(table.claim(task, T0 + 1_001, 0));
        assertEquals(T0 + 1_001, table.take(task));
        assertEquals(SampledTasks.NONE, table.take(task), "taken already");
        assertEquals(0, table.size());
    }

    @Test
    void tasksAreComparedByReferenceNotByEquals() {
        SampledTasks table = new SampledTasks(8);
        String claimed = new String("same");
        table.claim(claimed, T0, 0);
        assertEquals(SampledTasks.NONE, table.take(new String("same")));
        assertEquals(SampledTasks.NONE, table.take(null), "null is never a task, though free slots hold null");
        for (int i = 0; i < 100; i++) {
            assertFalse(table.claim(null, T0, i), "execute(null) takes no slot");
        }
        assertEquals(1, table.size());
        assertEquals(T0, table.take(claimed));
    }

    @Test
    void negativeClockValuesKeepTheirTime() {
        SampledTasks table = new SampledTasks(8);
        Object task = new Object();
        table.claim(task, -7_000_000L, 0);
        assertEquals(-7_000_000L, table.take(task));
    }

    @Test
    void aFullTableStaysBoundedAndATakenSlotIsFreeAgain() {
        SampledTasks table = new SampledTasks(4);
        List<Object> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(new Object());
            assertTrue(table.claim(held.get(i), T0 + i, i));
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(table.claim(new Object(), T0 + 10 + i, i), "full: the caller keeps it elsewhere");
            assertEquals(4, table.size(), "bounded");
        }
        assertEquals(T0, table.take(held.get(0)));
        Object next = new Object();
        assertTrue(table.claim(next, T0 + 200, 0), "a taken slot is free again");
        assertEquals(T0 + 200, table.take(next));
    }

    @Test
    void aTaskThatLeftUnseenIsLetGoOnceStale() {
        SampledTasks table = new SampledTasks(4);
        Object gone = new Object();
        Object waiting = new Object();
        table.claim(gone, T0, 0);
        table.claim(waiting, T0 + SampledTasks.STALE_NANOS / 2, 1);
        table.reclaimStale(T0 + SampledTasks.STALE_NANOS);
        assertEquals(2, table.size(), "not stale yet");
        table.reclaimStale(T0 + SampledTasks.STALE_NANOS + 1_000);
        assertEquals(1, table.size());
        assertEquals(SampledTasks.NONE, table.take(gone));
        assertTrue(table.take(waiting) != SampledTasks.NONE, "the younger one still waits");
    }

    @Test
    void aClaimLetsGoOfAStaleEntryInTheSlotItsRandomBitsName() {
        SampledTasks table = new SampledTasks(2);
        Object gone = new Object();
        Object other = new Object();
        table.claim(gone, T0, 0);
        table.claim(other, T0, 1);
        long later = T0 + SampledTasks.STALE_NANOS + 1_000;
        Object fresh = new Object();
        assertTrue(table.claim(fresh, later, 0), "slot 0 was stale, so the full table had room");
        assertEquals(SampledTasks.NONE, table.take(gone));
        assertTrue(table.take(fresh) != SampledTasks.NONE);
    }

    @Test
    void capacityIsAPowerOfTwoUpToSixtyFour() {
        assertThrows(IllegalArgumentException.class, () -> new SampledTasks(0));
        assertThrows(IllegalArgumentException.class, () -> new SampledTasks(48));
        assertThrows(IllegalArgumentException.class, () -> new SampledTasks(128));
        SampledTasks table = new SampledTasks(64);
        for (int i = 0; i < 64; i++) {
            assertTrue(table.claim(new Object(), T0, i));
        }
        assertEquals(64, table.size());
        assertFalse(table.claim(new Object(), T0, 0));
    }

    /** Submitters and workers on their own threads, as in a pool: every claimed task is taken exactly once. */
    @Test
    void concurrentClaimsAndTakesLoseNothing() throws Exception {
        SampledTasks table = new SampledTasks(16);
        AtomicLong claimed = new AtomicLong();
        long taken = SubmittersAndWorkers.run(200_000, task -> {
            if (table.claim(task, System.nanoTime(), ThreadLocalRandom.current().nextInt())) {
                claimed.incrementAndGet();
            }
        }, task -> table.take(task) != SampledTasks.NONE);
        assertEquals(claimed.get(), taken, "every claimed task taken once");
        assertEquals(0, table.size(), "nothing left behind");
    }
}
