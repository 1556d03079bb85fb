package dev.revisit.agent.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Prometheus names as OpenTelemetry's mapping gives them: the names docs/signals.md and the dashboards query. */
class SnapshotMapperTest {

    @Test
    void unitsBecomeSuffixes() {
        assertEquals("jvm_gc_duration_seconds", SnapshotMapper.prometheusName("jvm.gc.duration", "s", false));
        assertEquals("jvm_memory_used_bytes", SnapshotMapper.prometheusName("jvm.memory.used", "By", true));
        assertEquals("jvm_cpu_recent_utilization_ratio", SnapshotMapper.prometheusName("jvm.cpu.recent_utilization", "1", true));
    }

    @Test
    void annotationsAndCountersOfOneAddNothing() {
        assertEquals("jvm_cpu_count", SnapshotMapper.prometheusName("jvm.cpu.count", "{cpu}", true));
        assertEquals("revisit_cache_requests", SnapshotMapper.prometheusName("revisit.cache.requests", "{request}", false));
        assertEquals("some_share", SnapshotMapper.prometheusName("some.share", "1", false));
        assertEquals("already_seconds", SnapshotMapper.prometheusName("already.seconds", "s", false));
    }
}
