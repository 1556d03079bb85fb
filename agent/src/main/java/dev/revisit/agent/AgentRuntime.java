package dev.revisit.agent;

import dev.revisit.agent.bootstrap.AgentStatus;
import dev.revisit.agent.config.AgentSettings;
import dev.revisit.agent.config.Config;
import dev.revisit.agent.config.ConfigException;
import dev.revisit.agent.export.ExportLoop;
import dev.revisit.agent.export.otlp.OtlpExporter;
import dev.revisit.agent.export.prometheus.PrometheusEndpoint;
import dev.revisit.agent.instrumentation.Installer;
import dev.revisit.agent.instrumentation.Modules;
import dev.revisit.agent.jvm.JvmSignals;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/** Everything after premain, on the {@code revisit-install} thread: settings, recorder, instrumentation, exporters. */
final class AgentRuntime {
    private AgentRuntime() {}

    static void start(Instrumentation instrumentation) {
        long begin = System.nanoTime();
        try {
            Config config = Config.fromSystem();
            AgentLog.setDebug(config.getBoolean("revisit.debug", false));
            Footprint footprint = AgentLog.isDebug() ? Footprint.start() : null;
            AgentSettings settings = AgentSettings.from(config);
            Recorder recorder = new Recorder(settings.attributeValueCap(), settings.seriesCap());
            List<String> modules = Installer.install(instrumentation, Modules.ALL, config, recorder);
            if (settings.jvmSignals()) {
                JvmSignals.register(recorder);
            }
            List<String> exporting = new ArrayList<>();
            if (settings.prometheus()) {
                PrometheusEndpoint endpoint = PrometheusEndpoint.start(settings.prometheusHost(), settings.prometheusPort(), recorder, settings.resource());
                exporting.add("Prometheus at http://" + settings.prometheusHost() + ":" + endpoint.port() + "/metrics");
            }
            if (settings.otlp()) {
                OtlpExporter exporter = new OtlpExporter(settings.otlpMetricsEndpoint(), settings.exportTimeout(), settings.resource(), recorder.startEpochNanos());
                new ExportLoop(recorder, exporter, "otlp").start(settings.exportInterval());
                exporting.add("OTLP to " + settings.otlpMetricsEndpoint() + " every " + settings.exportInterval().toMillis() + " ms");
            }
            AgentLog.info("agent started in " + (System.nanoTime() - begin) / 1_000_000 + " ms: instrumentations " + modules
                    + ", exporting " + (exporting.isEmpty() ? "nowhere (revisit.exporter=none)" : String.join(" and ", exporting)));
            if (footprint != null) {
                AgentLog.debug("install thread " + footprint.since());
            }
        } catch (ConfigException e) {
            AgentLog.warn("agent not started: " + e.getMessage());
        } catch (Throwable t) {
            AgentLog.warn("agent not started; the application runs without it", t);
        } finally {
            AgentStatus.markInstalled();
        }
    }
}
