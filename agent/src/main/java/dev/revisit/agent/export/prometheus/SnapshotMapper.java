package dev.revisit.agent.export.prometheus;

import dev.revisit.agent.recorder.InstrumentKind;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recorder views to client_java snapshots, named as OpenTelemetry's Prometheus mapping
 * names them: dots become underscores, the unit {@code s} adds {@code _seconds}, {@code By}
 * adds {@code _bytes}, a gauge of unit {@code 1} adds {@code _ratio}, counters get
 * {@code _total} — the names docs/signals.md and the dashboards query. Every series carries {@code service_name} and {@code service_instance_id}
 * (one value per JVM, so no cardinality cost) for PromQL's {@code by (...)}, and
 * {@code deployment_environment_name} when the resource has one (the older attribute
 * {@code deployment.environment} counts when the newer is absent): the dashboards filter every
 * query by it, and a Prometheus scraping the agent directly has no collector to join
 * {@code target_info} in. Without an environment the label is left out rather than empty, so
 * the dashboards' "All" ({@code =~".*"}) still matches. All resource attributes go on
 * {@code target_info}.
 */
final class SnapshotMapper {
    private final Map<String, String> resource;
    private final String serviceName;
    private final String serviceInstanceId;
    /** Null when the resource names no environment (or an empty one): then no label at all. */
    private final String environment;

    SnapshotMapper(Map<String, String> resource) {
        this.resource = resource;
        this.serviceName = resource.getOrDefault("service.name", "");
        this.serviceInstanceId = resource.getOrDefault("service.instance.id", "");
        this.environment = environment(resource);
    }

    /**
     * {@code deployment.environment.name}, else the attribute it replaced in the semantic conventions,
     * {@code deployment.environment}, which many teams still set in OTEL_RESOURCE_ATTRIBUTES: the
     * dashboards' environment filter should find their services too. Null when neither is set (or empty).
     */
    static String environment(Map<String, String> resource) {
        String current = resource.get("deployment.environment.name");
        if (current != null && !current.isEmpty()) {
            return current;
        }
        String older = resource.get("deployment.environment");
        return older == null || older.isEmpty() ? null : older;
    }

    MetricSnapshots map(List<MetricView> views) {
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        snapshots.metricSnapshot(targetInfo());
        for (MetricView view : views) {
            snapshots.metricSnapshot(switch (view.kind()) {
                case COUNTER -> counter(view);
                case GAUGE -> gauge(view);
                case HISTOGRAM -> histogram(view);
            });
        }
        return snapshots.build();
    }

    static String prometheusName(String otelName, String unit, boolean gauge) {
        String base = otelName.replace('.', '_').replace('-', '_');
        Unit suffix = unit(unit, gauge);
        return suffix == null || base.endsWith("_" + suffix) ? base : base + "_" + suffix;
    }

    /** The Prometheus unit OpenTelemetry's mapping gives an instrument's UCUM unit; null for none. */
    private static Unit unit(String unit, boolean gauge) {
        return switch (unit) {
            case "s" -> Unit.SECONDS;
            case "By" -> Unit.BYTES;
            case "1" -> gauge ? Unit.RATIO : null;
            default -> null;
        };
    }

    private static MetricMetadata metadata(MetricView view) {
        boolean gauge = view.kind() == InstrumentKind.GAUGE;
        String name = prometheusName(view.name(), view.unit(), gauge);
        Unit unit = unit(view.unit(), gauge);
        return unit == null ? new MetricMetadata(name, view.description()) : new MetricMetadata(name, view.description(), unit);
    }

    private CounterSnapshot counter(MetricView view) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(metadata(view).getName()).help(view.description());
        for (PointView point : view.points()) {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(point.value()).labels(labels(view, point)).build());
        }
        return builder.build();
    }

    private GaugeSnapshot gauge(MetricView view) {
        MetricMetadata metadata = metadata(view);
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(metadata.getName()).help(view.description());
        if (metadata.hasUnit()) {
            builder.unit(metadata.getUnit());
        }
        for (PointView point : view.points()) {
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(point.value()).labels(labels(view, point)).build());
        }
        return builder.build();
    }

    private HistogramSnapshot histogram(MetricView view) {
        MetricMetadata metadata = metadata(view);
        HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(metadata.getName()).help(view.description());
        if (metadata.hasUnit()) {
            builder.unit(metadata.getUnit());
        }
        double[] bounds = new double[view.boundaries().length + 1];
        System.arraycopy(view.boundaries(), 0, bounds, 0, view.boundaries().length);
        bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
        for (PointView point : view.points()) {
            builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, point.bucketCounts()))
                    .sum(point.sum())
                    .labels(labels(view, point))
                    .build());
        }
        return builder.build();
    }

    private Labels labels(MetricView view, PointView point) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        names.add("service_name");
        values.add(serviceName);
        names.add("service_instance_id");
        values.add(serviceInstanceId);
        if (environment != null) {
            names.add("deployment_environment_name");
            values.add(environment);
        }
        List<String> keys = view.attributeKeys();
        for (int i = 0; i < keys.size(); i++) {
            String value = point.attributeValues().get(i);
            if (!value.isEmpty()) {
                names.add(keys.get(i).replace('.', '_'));
                values.add(value);
            }
        }
        return Labels.of(names, values);
    }

    private GaugeSnapshot targetInfo() {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        resource.forEach((k, v) -> {
            names.add(k.replace('.', '_'));
            values.add(v);
        });
        return GaugeSnapshot.builder().name("target_info").help("Target metadata")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).labels(Labels.of(names, values)).build())
                .build();
    }
}
