package dev.revisit.agent.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.agent.recorder.InstrumentKind;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus names as OpenTelemetry's mapping gives them, and the resource labels on every series:
 * what docs/signals.md and the dashboards query.
 */
class SnapshotMapperTest {

    /** One instrument of each kind, the counter with an attribute left unknown (empty). */
    private static final List<MetricView> VIEWS = List.of(
            new MetricView("revisit.cache.requests", "{request}", "lookups", InstrumentKind.COUNTER,
                    List.of("cache.name", "cache.result"), new double[0],
                    List.of(new PointView(List.of("products", "hit"), 3, 0, 0, null),
                            new PointView(List.of("", "miss"), 1, 0, 0, null))),
            new MetricView("jvm.memory.used", "By", "used", InstrumentKind.GAUGE,
                    List.of("jvm.memory.type"), new double[0],
                    List.of(new PointView(List.of("heap"), 1024, 0, 0, null))),
            new MetricView("db.client.operation.duration", "s", "queries", InstrumentKind.HISTOGRAM,
                    List.of("db.operation.name"), new double[] {0.1},
                    List.of(new PointView(List.of("SELECT"), 0, 2, 0.15, new long[] {1, 1}))));

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

    @Test
    void theEnvironmentIsOnEverySeriesBesideTheServiceBecauseTheDashboardsFilterByIt() {
        Map<String, String> resource = Map.of("service.name", "shop", "service.instance.id", "pod-7",
                "deployment.environment.name", "staging", "host.name", "web-1");
        MetricSnapshots snapshots = new SnapshotMapper(resource).map(VIEWS);

        List<Labels> series = series(snapshots, false);
        assertEquals(4, series.size(), series.toString());
        for (Labels labels : series) {
            assertEquals("shop", labels.get("service_name"), labels.toString());
            assertEquals("pod-7", labels.get("service_instance_id"), labels.toString());
            assertEquals("staging", labels.get("deployment_environment_name"), labels.toString());
            // the other resource attributes stay on target_info only: no cardinality for what no query filters by
            assertNull(labels.get("host_name"), labels.toString());
        }
        // exactly these: the unknown cache.name left out, nothing else added
        assertTrue(series.contains(Labels.of("cache_result", "miss", "deployment_environment_name", "staging",
                "service_instance_id", "pod-7", "service_name", "shop")), series.toString());
        assertEquals(List.of(Labels.of("deployment_environment_name", "staging", "host_name", "web-1",
                "service_instance_id", "pod-7", "service_name", "shop")), series(snapshots, true));
    }

    @Test
    void withoutAnEnvironmentTheLabelIsAbsentNotEmpty() {
        for (Map<String, String> resource : List.of(
                Map.of("service.name", "shop", "service.instance.id", "pod-7"),
                Map.of("service.name", "shop", "service.instance.id", "pod-7", "deployment.environment.name", ""),
                Map.of("service.name", "shop", "service.instance.id", "pod-7", "deployment.environment", "",
                        "deployment.environment.name", ""))) {
            MetricSnapshots snapshots = new SnapshotMapper(resource).map(VIEWS);
            List<Labels> series = series(snapshots, false);
            assertEquals(4, series.size(), series.toString());
            for (Labels labels : series) {
                assertFalse(labels.contains("deployment_environment_name"), labels.toString());
                assertEquals("shop", labels.get("service_name"), labels.toString());
            }
        }
    }

    @Test
    void theOlderEnvironmentAttributeLabelsEverySeriesWhenTheNewerIsAbsent() {
        for (Map<String, String> resource : List.of(
                Map.of("service.name", "shop", "service.instance.id", "pod-7", "deployment.environment", "staging"),
                Map.of("service.name", "shop", "service.instance.id", "pod-7", "deployment.environment", "staging",
                        "deployment.environment.name", ""))) {
            MetricSnapshots snapshots = new SnapshotMapper(resource).map(VIEWS);
            List<Labels> series = series(snapshots, false);
            assertEquals(4, series.size(), series.toString());
            for (Labels labels : series) {
                assertEquals("staging", labels.get("deployment_environment_name"), labels.toString());
                // one environment label, under the current name: the dashboards know no other
                assertFalse(labels.contains("deployment_environment"), labels.toString());
            }
            // target_info keeps the attributes as the resource has them
            assertEquals("staging", series(snapshots, true).get(0).get("deployment_environment"));
        }
    }

    @Test
    void theNewerEnvironmentAttributeWinsWhenBothAreSet() {
        Map<String, String> resource = Map.of("service.name", "shop", "service.instance.id", "pod-7",
                "deployment.environment", "legacy-name", "deployment.environment.name", "staging");
        for (Labels labels : series(new SnapshotMapper(resource).map(VIEWS), false)) {
            assertEquals("staging", labels.get("deployment_environment_name"), labels.toString());
        }
    }

    /** Every data point's labels, of target_info alone or of everything else, in order. */
    private static List<Labels> series(MetricSnapshots snapshots, boolean targetInfo) {
        List<Labels> labels = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            if (snapshot.getMetadata().getName().equals("target_info") == targetInfo) {
                for (DataPointSnapshot point : snapshot.getDataPoints()) {
                    labels.add(point.getLabels());
                }
            }
        }
        return labels;
    }
}
