package dev.revisit.agent.recorder;

import java.util.List;

/** One instrument at collection time, as the exporters read it. */
public record MetricView(
        String name,
        String unit,
        String description,
        InstrumentKind kind,
        List<String> attributeKeys,
        double[] boundaries,
        List<PointView> points) {}
