package dev.revisit.collector.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.prometheus.PrometheusEndpoint;
import dev.revisit.collector.prometheus.PrometheusQueries;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.Verdict;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts read from a real Prometheus holding {@link SyntheticSignals} (backfilled with promtool):
 * the products cache hits 80 %, so an assumption of at least 50 % holds and one of at least 85 %
 * is broken for longer than its {@code for}, both replayed through the store's query API.
 */
class PrometheusSourceVerdictsTest {

    private static final String DECISIONS = """
            decisions:
              - id: LOW-BAR
                title: Cache products
                area: caching
                decided: 2026-01-01
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: shop, cache.name: products }
                    expect: ">= 0.5"
                    window: 5m
                    for: 5m
              - id: HIGH-BAR
                title: Cache products hard
                area: caching
                decided: 2026-01-01
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { cache.name: products, service.name: shop }
                    expect: ">= 0.85"
                    window: 5m
                    for: 5m
            """;

    @Test
    void theStoresValuesGiveTheVerdicts(@TempDir Path dir) throws Exception {
        Tool promtool = Tool.require("promtool", "prometheus");
        Tool binary = Tool.require("prometheus", "prometheus");
        long start = (System.currentTimeMillis() / 1000 - 3 * 3600) / 60 * 60;
        Path data = Files.writeString(dir.resolve("signals.om"), SyntheticSignals.openMetrics(start));
        Tool.Result backfill = promtool.run(dir, "tsdb", "create-blocks-from", "openmetrics", data.toString(),
                dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());
        DecisionsFile file = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(DECISIONS));

        try (PrometheusServer prometheus = PrometheusServer.start(binary, dir, "global:\n  scrape_interval: 1m\n")) {
            PrometheusSource source = new PrometheusSource(new PrometheusQueries(
                    new PrometheusEndpoint(prometheus.base(), "", Map.of(), Duration.ofSeconds(10))));
            List<AssumptionVerdict> verdicts = Evaluator.evaluate(file, source,
                    Instant.ofEpochSecond(SyntheticSignals.end(start))).decisions().stream()
                    .map(d -> d.assumptions().get(0)).toList();

            assertEquals(Verdict.HOLDS, verdicts.get(0).verdict(), verdicts.get(0).reason());
            assertEquals(0.8, verdicts.get(0).value(), 1e-9);
            assertEquals(Verdict.REVIEW, verdicts.get(1).verdict(), verdicts.get(1).reason());
            assertEquals(0.8, verdicts.get(1).value(), 1e-9);
        }
    }
}
