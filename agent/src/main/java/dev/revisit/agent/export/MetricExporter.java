package dev.revisit.agent.export;

import dev.revisit.agent.recorder.MetricView;

import java.util.List;

/** A push destination for collected metrics. Called from the export thread only. */
public interface MetricExporter {
    /** @return true when the destination took the metrics */
    boolean export(List<MetricView> metrics, long epochNanos);

    void shutdown();
}
