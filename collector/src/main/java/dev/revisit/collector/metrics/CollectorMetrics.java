package dev.revisit.collector.metrics;

import dev.revisit.collector.engine.VerdictLoop;
import dev.revisit.collector.ingest.OtlpMetricsIngester;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.verdict.Evaluation;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The collector's own metrics in one Micrometer Prometheus registry: the decision gauges the
 * dashboards and alert rules read (see dashboards/README.md), and the collector's health —
 * points received and rejected, evaluation time, series in the store.
 */
public final class CollectorMetrics implements VerdictLoop.Listener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DecisionGauges decisions = new DecisionGauges(registry);
    private final Timer evaluation;

    /** Both null when the signals are read from a Prometheus-compatible store: then there is nothing to count here. */
    public CollectorMetrics(OtlpMetricsIngester ingester, MemoryStore store) {
        if (ingester != null) {
            register(ingester, store);
        }
        evaluation = Timer.builder("revisit.collector.evaluation")
                .description("time one evaluation round of every decision took").register(registry);
    }

    private void register(OtlpMetricsIngester ingester, MemoryStore store) {
        FunctionCounter.builder("revisit.collector.points.received", ingester, OtlpMetricsIngester::acceptedTotal)
                .description("OTLP data points stored since start").register(registry);
        FunctionCounter.builder("revisit.collector.points.rejected", ingester, OtlpMetricsIngester::rejectedTotal)
                .description("OTLP data points rejected since start (non-finite, unsupported type, over the series cap)")
                .register(registry);
        Gauge.builder("revisit.collector.store.series", store, MemoryStore::seriesCount)
                .description("series held in the embedded store").register(registry);
        Gauge.builder("revisit.collector.store.bytes", store, MemoryStore::estimatedBytes)
                .description("estimated memory the embedded store holds").register(registry);
    }

    @Override
    public void evaluated(Evaluation before, Evaluation after, long nanos) {
        evaluation.record(nanos, TimeUnit.NANOSECONDS);
        decisions.update(after);
    }

    /** The text exposition for {@code Accept} (Prometheus text 0.0.4 unless OpenMetrics is asked for). */
    public String scrape(String accept) {
        return registry.scrape(accept);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
