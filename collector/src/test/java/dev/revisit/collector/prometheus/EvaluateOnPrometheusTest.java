package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.cli.CommandRun;
import dev.revisit.collector.cli.Main;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --source prometheus} from the command line, against a real Prometheus. */
class EvaluateOnPrometheusTest {

    private static final String DECISIONS = """
            decisions:
              - id: ADR-1
                title: Cache catalog lookups
                area: caching
                decided: 2026-01-01
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: catalog }
                    expect: ">= 0.85"
            """;

    @Test
    void anAssumptionWithoutSeriesInTheStoreIsNoData(@TempDir Path dir) throws Exception {
        Path decisions = Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);
        Path token = Files.writeString(dir.resolve("token"), "secret\n");
        try (PrometheusServer prometheus = PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir,
                "global:\n  scrape_interval: 1m\n")) {
            CommandRun run = CommandRun.of("evaluate", "--decisions", decisions.toString(), "--source", "prometheus",
                    "--prometheus-url", prometheus.base().toString(), "--prometheus-header", "X-Scope-OrgID=team-a",
                    "--prometheus-bearer-token-file", token.toString(), "--format", "json", "--fail-on", "no_data");

            assertEquals(Main.REVIEW, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("\"no_data\""), run.out());
            assertTrue(!run.out().contains("\"holds\""), run.out());
        }
    }

    @Test
    void inconsistentSourceOptionsAreAUsageError(@TempDir Path dir) throws Exception {
        Path decisions = Files.writeString(dir.resolve("decisions.yaml"), DECISIONS);

        CommandRun noUrl = CommandRun.of("evaluate", "--decisions", decisions.toString(), "--source", "prometheus");
        assertEquals(Main.USAGE, noUrl.exit());
        assertTrue(noUrl.err().contains("--prometheus-url"), noUrl.err());

        CommandRun unknown = CommandRun.of("evaluate", "--decisions", decisions.toString(), "--source", "thanos");
        assertEquals(Main.USAGE, unknown.exit());

        CommandRun missingToken = CommandRun.of("evaluate", "--decisions", decisions.toString(), "--source", "prometheus",
                "--prometheus-url", "http://127.0.0.1:9", "--prometheus-bearer-token-file", dir.resolve("nope").toString());
        assertEquals(Main.USAGE, missingToken.exit());
        assertTrue(missingToken.err().contains("cannot read"), missingToken.err());
    }
}
