package dev.revisit.agent.export;

import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Counter;
import dev.revisit.agent.recorder.CounterSeries;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.Recorder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Collects and pushes every interval on one daemon thread, and once more at JVM shutdown.
 * Values are cumulative, so a failed push loses nothing that the next one will not carry:
 * nothing queues up while an endpoint is down, and the failures are counted.
 */
public final class ExportLoop {
    private final Recorder recorder;
    private final MetricExporter exporter;
    private final CounterSeries failures;
    private final ScheduledExecutorService thread;

    public ExportLoop(Recorder recorder, MetricExporter exporter, String exporterName) {
        this.recorder = recorder;
        this.exporter = exporter;
        Counter failed = recorder.counter("revisit.agent.export.failures", "{export}",
                "Pushes of the agent's metrics that failed; the next successful push carries their values", "exporter");
        this.failures = failed.series(exporterName);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revisit-export");
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Duration interval) {
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::exportNow, millis, millis, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "revisit-export-shutdown"));
    }

    void exportNow() {
        try {
            List<MetricView> metrics = recorder.collect();
            if (!exporter.export(metrics, System.currentTimeMillis() * 1_000_000L)) {
                failures.increment();
            }
        } catch (Throwable t) {
            failures.increment();
            AgentLog.once("export-loop", "exporting metrics failed", t);
        }
    }

    /** A last push with what was recorded since the previous one, bounded by the exporter's timeout. */
    private void shutdown() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exportNow();
        exporter.shutdown();
    }
}
