package dev.revisit.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revisit.collector.catalog.Feed;
import dev.revisit.collector.store.PersistentStore;
import dev.revisit.collector.store.StoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** evaluate and report over a real data directory written by the persistent store. */
class EvaluateAndReportTest {

    private static final String DECISIONS = """
            decisions:
              - id: ADR-1
                title: Cache the catalog
                area: caching
                owner: team-catalog
                decided: 2026-11-01
                review_every: 90d
                rationale: Catalog reads are most of the database load.
                alternatives: [Redis, a read replica]
                questions:
                  - Is Caffeine still the right cache once we run 10 instances?
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: catalog }
                    expect: ">= %s"
              - id: ADR-2
                title: Postgres for orders
                area: storage
                decided: 2025-01-01
                review_every: 180d
            """;
    private static final String AT = Instant.ofEpochMilli(Feed.minute(60)).toString();

    @TempDir
    Path dir;
    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void persistSomeSignals() throws Exception {
        data = dir.resolve("data");
        try (PersistentStore store = PersistentStore.open(data, StoreConfig.DEFAULT, Duration.ofMillis(100))) {
            Feed feed = new Feed(store.store());
            for (int m = 0; m <= 60; m++) {
                feed.counterAt("revisit.cache.requests", "service.name=catalog,cache.name=p,cache.result=hit", m, 900.0 * m);
                feed.counterAt("revisit.cache.requests", "service.name=catalog,cache.name=p,cache.result=miss", m, 100.0 * m);
            }
        }
    }

    private Path decisions(String threshold, String withoutAdr2) throws Exception {
        String text = DECISIONS.formatted(threshold);
        if (withoutAdr2 != null) {
            text = text.substring(0, text.indexOf("  - id: ADR-2"));
        }
        Path file = dir.resolve("decisions.yaml");
        Files.writeString(file, text);
        return file;
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void evaluateExitsZeroWhenNothingWarrantsReview() throws Exception {
        Path file = decisions("0.8", "only ADR-1");
        assertEquals(Main.OK, run("evaluate", "--decisions", file.toString(), "--data-dir", data.toString(), "--at", AT));
        assertTrue(out.toString().contains("ADR-1     holds"), out.toString());
        assertTrue(out.toString().contains("cache.hit_ratio = 90% holds >= 0.8"), out.toString());
        // at_risk (0.9 is within 10% of 0.85) is not a review, unless asked
        Path tight = decisions("0.85", "only ADR-1");
        assertEquals(Main.OK, run("evaluate", "--decisions", tight.toString(), "--data-dir", data.toString(), "--at", AT));
        assertEquals(Main.REVIEW, run("evaluate", "--decisions", tight.toString(), "--data-dir", data.toString(), "--at", AT,
                "--fail-on", "at_risk"));
    }

    @Test
    void evaluateExitsThreeWhenADecisionWarrantsReviewAndPrintsJson() throws Exception {
        Path file = decisions("0.95", null);
        assertEquals(Main.REVIEW, run("evaluate", "--decisions", file.toString(), "--data-dir", data.toString(), "--at", AT,
                "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(AT, json.get("at").asText());
        assertTrue(json.get("warrants_review").asBoolean());
        JsonNode adr1 = json.get("decisions").get(0);
        assertEquals("review", adr1.get("verdict").asText());
        JsonNode evidence = adr1.get("assumptions").get(0);
        assertEquals(0.9, evidence.get("value").asDouble(), 1e-9);
        assertEquals(0.95, evidence.get("threshold").asDouble(), 1e-9);
        assertEquals("5m", evidence.get("window").asText());
        assertTrue(evidence.hasNonNull("since"));
        assertEquals("sum(rate(revisit_cache_requests_total{cache_result=\"hit\",service_name=\"catalog\"}[5m]))"
                + " / sum(rate(revisit_cache_requests_total{service_name=\"catalog\"}[5m]))", evidence.get("promql").asText());
        assertEquals("review_due", json.get("decisions").get(1).get("verdict").asText());
    }

    @Test
    void evaluateReportsAMissingDataDirectoryAndABadFile() throws Exception {
        Path file = decisions("0.85", null);
        assertEquals(Main.MISTAKES, run("evaluate", "--decisions", file.toString(), "--data-dir", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("no data directory"), err.toString());
        Files.writeString(file, "decisions:\n  - id: [\n");
        assertEquals(Main.MISTAKES, run("evaluate", "--decisions", file.toString(), "--data-dir", data.toString()));
        assertTrue(err.toString().contains(file + ":"), err.toString());
        assertEquals(Main.USAGE, run("evaluate", "--decisions", file.toString(), "--format", "xml"));
        assertEquals(Main.USAGE, run("evaluate", "--decisions", file.toString(), "--at", "yesterday"));
    }

    @Test
    void evaluateAndReportReadTheDirectoryWhileServeHoldsIt() throws Exception {
        Path file = decisions("0.95", "only ADR-1");
        try (PersistentStore held = PersistentStore.open(data, StoreConfig.DEFAULT, Duration.ofMillis(100))) {
            assertEquals(Main.REVIEW, run("evaluate", "--decisions", file.toString(), "--data-dir", data.toString(), "--at", AT));
            assertTrue(out.toString().contains("cache.hit_ratio = 90% breaks >= 0.95"), out.toString());
            Path md = dir.resolve("review.md");
            assertEquals(Main.OK, run("report", "--decisions", file.toString(), "--data-dir", data.toString(), "--at", AT,
                    "-o", md.toString()));
            assertTrue(Files.readString(md).contains("**Verdict: review**"));
        }
    }

    @Test
    void reportWritesTheReviewPack() throws Exception {
        Path file = decisions("0.95", null);
        Path md = dir.resolve("review.md");
        assertEquals(Main.OK, run("report", "--decisions", file.toString(), "--data-dir", data.toString(), "--at", AT,
                "-o", md.toString()));
        String report = Files.readString(md);
        assertTrue(report.startsWith("# Architecture review\n"), report);
        assertTrue(report.contains("2 decisions: 1 review, 1 review_due"), report);
        assertTrue(report.contains("## ADR-1: Cache the catalog"), report);
        assertTrue(report.contains("**Verdict: review**"), report);
        assertTrue(report.contains("### Rationale\n\nCatalog reads are most of the database load."), report);
        assertTrue(report.contains("### Alternatives considered\n\n- Redis\n- a read replica"), report);
        assertTrue(report.contains("| cache.hit_ratio | service.name=catalog | >= 0.95 | 90% | 5m | 10m |"), report);
        assertTrue(report.contains("- Is Caffeine still the right cache once we run 10 instances?"), report);
        assertTrue(report.contains("- Has the key space grown"), report);
        assertTrue(report.indexOf("## ADR-1") < report.indexOf("## ADR-2"), "most urgent first");
        assertTrue(report.contains("- Do the context and the constraints this decision was made under still hold?"), report);
    }
}
