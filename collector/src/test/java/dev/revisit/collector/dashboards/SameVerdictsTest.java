package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Feed;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.prometheus.PrometheusEndpoint;
import dev.revisit.collector.prometheus.PrometheusQueries;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same data, same verdict: one recording of cache counters, fed to the embedded store and
 * backfilled into a real Prometheus, evaluated for the same decisions; verdicts must be equal and
 * values within 1e-6 (a ratio of two rates over the same samples, so Prometheus' extrapolation
 * cancels out).
 */
class SameVerdictsTest {

    private static final int STEP_SECONDS = 15;
    private static final int STEPS = 80; // 20 minutes

    private static final String DECISIONS = """
            decisions:
              - id: STEADY
                title: Products cache
                area: caching
                decided: 2026-01-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { service.name: shop, cache.name: products }, expect: ">= 0.75", window: 5m, for: 5m }
                  - { signal: cache.hit_ratio, scope: { service.name: shop, cache.name: products }, expect: ">= 0.85", window: 5m, for: 5m }
              - id: FALLING
                title: Search cache
                area: caching
                decided: 2026-01-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { service.name: shop, cache.name: search }, expect: ">= 0.8", window: 2m, for: 3m }
                  - { signal: cache.hit_ratio, scope: { service.name: shop }, expect: ">= 0.5", window: 5m, for: 5m }
            """;

    /** Cumulative lookups after {@code t} seconds: products hits 80 %; search 90 % for 12 minutes, then 60 %. */
    private static final Map<String, DoubleUnaryOperator> SERIES = Map.of(
            "cache_name=products,cache_result=hit", t -> 80.0 * t,
            "cache_name=products,cache_result=miss", t -> 20.0 * t,
            "cache_name=search,cache_result=hit", t -> t <= 720 ? 9.0 * t : 9.0 * 720 + 6.0 * (t - 720),
            "cache_name=search,cache_result=miss", t -> t <= 720 ? 1.0 * t : 1.0 * 720 + 4.0 * (t - 720));

    @Test
    void theEmbeddedStoreAndPrometheusGiveTheSameVerdicts(@TempDir Path dir) throws Exception {
        long startMillis = Feed.T0;
        Feed feed = new Feed();
        StringBuilder openMetrics = new StringBuilder("# TYPE revisit_cache_requests counter\n");
        for (Map.Entry<String, DoubleUnaryOperator> s : SERIES.entrySet()) {
            String attributes = "service.name=shop,cache.system=caffeine," + s.getKey().replace("cache_", "cache.");
            String labels = attributes.replace(".", "_").replaceAll("=([^,]+)", "=\"$1\"");
            for (int i = 0; i <= STEPS; i++) {
                double t = i * STEP_SECONDS;
                double value = s.getValue().applyAsDouble(t);
                feed.counterAt("revisit.cache.requests", attributes, t / 60.0, value);
                openMetrics.append("revisit_cache_requests_total{").append(labels).append("} ").append(value)
                        .append(' ').append((startMillis / 1000) + (long) t).append('\n');
            }
        }
        openMetrics.append("# EOF\n");
        Path data = Files.writeString(dir.resolve("signals.om"), openMetrics);
        Tool.Result backfill = Tool.require("promtool", "prometheus").run(dir, "tsdb", "create-blocks-from", "openmetrics",
                data.toString(), dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());

        DecisionsFile file = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(DECISIONS));
        Instant at = Instant.ofEpochMilli(startMillis + STEPS * STEP_SECONDS * 1000L);
        List<AssumptionVerdict> embedded = assumptions(Evaluator.evaluate(file, feed.store(), at));
        List<AssumptionVerdict> viaPrometheus;
        try (PrometheusServer prometheus = PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir,
                "global:\n  scrape_interval: 1m\n")) {
            viaPrometheus = assumptions(Evaluator.evaluate(file, new PrometheusSource(new PrometheusQueries(
                    new PrometheusEndpoint(prometheus.base(), "", Map.of(), Duration.ofSeconds(10)))), at));
        }

        assertEquals(4, embedded.size());
        for (int i = 0; i < embedded.size(); i++) {
            AssumptionVerdict e = embedded.get(i);
            AssumptionVerdict p = viaPrometheus.get(i);
            assertEquals(e.verdict(), p.verdict(), "assumption " + i + ": embedded " + e.reason() + " / prometheus " + p.reason());
            assertEquals(e.value(), p.value(), 1e-6, "assumption " + i);
        }
        // and the data decides something: not everything holds, not everything is broken
        assertEquals(true, embedded.stream().map(AssumptionVerdict::verdict).distinct().count() > 1,
                embedded.toString());
    }

    private static List<AssumptionVerdict> assumptions(dev.revisit.collector.verdict.Evaluation evaluation) {
        return evaluation.decisions().stream().flatMap(d -> d.assumptions().stream()).toList();
    }
}
