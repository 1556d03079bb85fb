package dev.revisit.agent.export.otlp;

import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableLongPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/** Recorder views to the SDK's {@link MetricData}, cumulative; empty attribute values are left out. */
final class MetricDataMapper {
    private static final InstrumentationScopeInfo SCOPE = InstrumentationScopeInfo.builder("dev.revisit.agent")
            .setVersion(String.valueOf(MetricDataMapper.class.getPackage().getImplementationVersion()))
            .build();

    private final Resource resource;
    private final long startEpochNanos;

    MetricDataMapper(Resource resource, long startEpochNanos) {
        this.resource = resource;
        this.startEpochNanos = startEpochNanos;
    }

    List<MetricData> map(List<MetricView> views, long epochNanos) {
        List<MetricData> result = new ArrayList<>(views.size());
        for (MetricView view : views) {
            result.add(map(view, epochNanos));
        }
        return result;
    }

    private MetricData map(MetricView view, long now) {
        return switch (view.kind()) {
            case COUNTER -> {
                List<LongPointData> points = new ArrayList<>();
                for (PointView p : view.points()) {
                    points.add(ImmutableLongPointData.create(startEpochNanos, now, attributes(view, p), (long) p.value()));
                }
                yield ImmutableMetricData.createLongSum(resource, SCOPE, view.name(), view.description(), view.unit(),
                        ImmutableSumData.create(true, AggregationTemporality.CUMULATIVE, points));
            }
            case GAUGE -> {
                List<DoublePointData> points = new ArrayList<>();
                for (PointView p : view.points()) {
                    points.add(ImmutableDoublePointData.create(startEpochNanos, now, attributes(view, p), p.value()));
                }
                yield ImmutableMetricData.createDoubleGauge(resource, SCOPE, view.name(), view.description(), view.unit(),
                        ImmutableGaugeData.create(points));
            }
            case HISTOGRAM -> {
                List<Double> boundaries = new ArrayList<>();
                for (double b : view.boundaries()) {
                    boundaries.add(b);
                }
                List<HistogramPointData> points = new ArrayList<>();
                for (PointView p : view.points()) {
                    List<Long> counts = new ArrayList<>(p.bucketCounts().length);
                    for (long c : p.bucketCounts()) {
                        counts.add(c);
                    }
                    points.add(ImmutableHistogramPointData.create(startEpochNanos, now, attributes(view, p), p.sum(),
                            false, 0, false, 0, boundaries, counts));
                }
                yield ImmutableMetricData.createDoubleHistogram(resource, SCOPE, view.name(), view.description(), view.unit(),
                        ImmutableHistogramData.create(AggregationTemporality.CUMULATIVE, points));
            }
        };
    }

    private static Attributes attributes(MetricView view, PointView point) {
        AttributesBuilder builder = Attributes.builder();
        List<String> keys = view.attributeKeys();
        for (int i = 0; i < keys.size(); i++) {
            String value = point.attributeValues().get(i);
            if (!value.isEmpty()) {
                builder.put(keys.get(i), value);
            }
        }
        return builder.build();
    }
}
