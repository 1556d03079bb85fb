package dev.revisit.agent.recorder;

import dev.revisit.agent.testing.ThreadAllocation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path — resolving an existing series and recording into it — allocates nothing. */
class RecorderAllocationTest {
    @Test
    void steadyStateRecordingAllocatesNothing() {
        Recorder recorder = new Recorder(100, 1_000);
        Histogram duration = recorder.durationHistogram("db.client.operation.duration", "d", "db.operation.name", "db.collection.name");
        Counter requests = recorder.counter("revisit.cache.requests", "{request}", "d", "cache.name", "cache.result");
        String[] key = {"SELECT", "items"};
        String[] cacheKey = {"products", "hit"};
        Runnable hotPath = () -> {
            for (int i = 0; i < 100_000; i++) {
                duration.series(key).record(1_000 + i);
                requests.series(cacheKey).increment();
            }
        };
        long bytes = ThreadAllocation.afterWarmUp(hotPath, 5);
        // The measurement itself may allocate a few bytes; 200,000 recordings must not.
        assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 200,000 recordings");
    }
}
