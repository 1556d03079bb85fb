package dev.revisit.collector.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.catalog.Catalog;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionsReaderTest {

    private final DecisionsReader reader = new DecisionsReader(Catalog.builtIn());

    @Test
    void readsTheSampleFile() throws Exception {
        DecisionsFile file = reader.read(Path.of("../examples/decisions/decisions.yaml"));
        assertEquals(6, file.decisions().size());
        Decision cache = file.decisions().get(0);
        assertEquals("ADR-012", cache.id());
        assertEquals(Area.CACHING, cache.area());
        assertEquals(LocalDate.of(2026, 3, 2), cache.decided());
        assertEquals(Duration.ofDays(90), cache.reviewEvery());
        assertEquals(LocalDate.of(2026, 5, 31), cache.reviewDue());
        assertEquals(List.of("Redis shared by all instances", "No cache, a read replica instead"), cache.alternatives());
        Assumption hit = cache.assumptions().get(0);
        assertEquals("cache.hit_ratio", hit.signal().name());
        assertEquals(0.85, hit.expect().value());
        assertEquals(Comparison.GE, hit.expect().comparison());
        assertEquals(Duration.ofHours(1), hit.window());
        assertEquals(Duration.ofMinutes(15), hit.sustain());
        assertEquals(0.85 * 0.05, hit.warn().of(hit.expect()), 1e-12);
        assertEquals("catalog", hit.scope().patterns().get("service.name"));
        Assumption latency = cache.assumptions().get(1);
        assertEquals(0.050, latency.expect().value(), 1e-12);
        assertEquals(Assumption.DEFAULT_WINDOW, latency.window());
        assertEquals(Margin.DEFAULT, latency.warn());
        assertEquals(LocalDate.of(2026, 10, 1).plusDays(180), file.decisions().get(1).reviewDue());
        assertEquals(200.0, file.decisions().get(1).assumptions().get(0).warn().of(null));
        assertEquals(List.of("Did the product catalogue grow past 200,000 items this quarter?"),
                file.questions().get("cache.hit_ratio"));
        assertEquals(new Position("../examples/decisions/decisions.yaml", 8, 5), cache.position());
    }

    @Test
    void reportsEveryMistakeAtOnceWithLineAndColumn() throws Exception {
        DecisionsException e = assertThrows(DecisionsException.class,
                () -> reader.read(Path.of("src/test/resources/decisions/broken.yaml")));
        List<String> got = e.problems().stream().map(p -> p.position().line() + ":" + p.position().column() + ": " + p.message()).toList();
        List<String> expected = List.of(
                "4:11: unknown area 'cachin' (did you mean 'caching'?); areas are api, storage, async, auth, caching, observability, deployment",
                "5:14: 'decided' must be a date like 2026-03-02, not '2026-13-02'",
                "6:19: bad review_every: '90 days' is not a duration: write a number and a unit (ms, s, m, h, d, w), e.g. 15m, 1h30m or 90d",
                "9:17: unknown signal 'cache.hit_rate' (did you mean 'cache.hit_ratio'?); see docs/signals.md",
                "12:17: bad expect: db.latency.p99 is a duration and needs a unit: a duration with its unit (us, ms, s, m, h), e.g. 50ms",
                "14:17: bad expect: '%' is not a unit for db.latency.p95, which takes a duration with its unit (us, ms, s, m, h), e.g. 50ms",
                "16:18: unknown scope key 'service.nam' for cache.hit_ratio (did you mean 'service.name'?)",
                "17:17: bad expect: '0.85' needs a comparison: <, <=, > or >= and then a fraction (0.85) or a percentage (85%)",
                "18:17: bad window: '1x' is not a duration: write a number and a unit (ms, s, m, h, d, w), e.g. 15m, 1h30m or 90d",
                "19:14: for must be at most 30d",
                "20:15: bad warn: 'ms' is not a unit for cache.hit_ratio, which takes a fraction (0.85) or a percentage (85%)",
                "21:17: bad expect: cache.hit_ratio is a ratio between 0 and 1; 1.5 is outside it (write 0.85 or 85%)",
                "23:9: unknown field 'colour' in an assumption",
                "24:9: duplicate id 'ADR-1' (first used at line 2)",
                "28:20: last_reviewed 2025-12-01 is before decided 2026-01-01",
                "30:5: duplicate field 'owner'",
                "31:5: a decision is missing the required field 'id'",
                "35:17: api.version_share needs the scope to name 'api.version'");
        assertEquals(expected, got);
        assertTrue(e.problems().get(0).toString().startsWith("src/test/resources/decisions/broken.yaml:4:11: unknown area"));
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() {
        DecisionsException e = assertThrows(DecisionsException.class,
                () -> reader.read("d.yaml", new StringReader("decisions:\n  - id: A\n    title: [unclosed\n")));
        assertEquals(1, e.problems().size());
        Problem p = e.problems().get(0);
        assertTrue(p.message().startsWith("YAML syntax error"), p.message());
        assertEquals("d.yaml", p.position().file());
        assertEquals(4, p.position().line());
    }

    @Test
    void anUnquotedGreaterThanGetsAHint() {
        DecisionsException e = assertThrows(DecisionsException.class, () -> reader.read("d.yaml", new StringReader(
                "decisions:\n  - id: A\n    title: t\n    area: api\n    decided: 2026-01-01\n    assumptions:\n"
                        + "      - signal: http.error_ratio\n        expect: >= 1%\n")));
        assertEquals("d.yaml:8:18: YAML syntax error: expected chomping or indentation indicators, but found =(61) "
                + "(quote expectations that start with > or >=: expect: \">= 0.85\")", e.problems().get(0).toString());
    }

    @Test
    void reportsMissingRequiredFieldsAndWrongShapes() {
        DecisionsException e = assertThrows(DecisionsException.class, () -> reader.read("d.yaml", new StringReader(
                "decision: []\n")));
        assertEquals(List.of("d.yaml:1:1: unknown field 'decision' in the file (did you mean 'decisions'?)",
                "d.yaml:1:1: the file is missing the required field 'decisions'"),
                e.problems().stream().map(Problem::toString).toList());

        e = assertThrows(DecisionsException.class, () -> reader.read("d.yaml", new StringReader(
                "decisions:\n  - id: A\n    title: t\n    area: api\n    decided: 2026-01-01\n    assumptions:\n"
                        + "      - signal: [http.latency.p99]\n        expect: '< 1s'\n        scope: nope\n")));
        assertEquals(List.of("d.yaml:7:17: 'signal' must be a single value, not a list or mapping",
                "d.yaml:9:16: 'scope' must be a mapping of attribute to value, e.g. { service.name: catalog }"),
                e.problems().stream().map(Problem::toString).toList());

        e = assertThrows(DecisionsException.class, () -> reader.read("d.yaml", new StringReader("")));
        assertEquals("d.yaml:1:1: the file is empty: it needs a 'decisions:' list", e.problems().get(0).toString());
    }

    @Test
    void thresholdsAreReadInTheSignalsUnit() {
        var catalog = Catalog.builtIn();
        var latency = catalog.get("http.latency.p99").orElseThrow();
        assertEquals(0.25, Quantities.threshold("< 250ms", latency.name(), latency.unit()).value(), 1e-12);
        assertEquals(250e-6, Quantities.threshold("<= 250us", latency.name(), latency.unit()).value(), 1e-15);
        assertEquals(120, Quantities.threshold("< 2m", latency.name(), latency.unit()).value(), 1e-12);
        var ratio = catalog.get("http.error_ratio").orElseThrow();
        assertEquals(0.01, Quantities.threshold("< 1%", ratio.name(), ratio.unit()).value(), 1e-12);
        var rate = catalog.get("cache.request_rate").orElseThrow();
        assertEquals(100, Quantities.threshold("> 6000/min", rate.name(), rate.unit()).value(), 1e-12);
        var lag = catalog.get("queue.lag.messages").orElseThrow();
        assertEquals(1000, Quantities.threshold("< 1000 messages".replace(" messages", "messages"), lag.name(), lag.unit()).value());
        assertThrows(IllegalArgumentException.class, () -> Quantities.threshold("< 10ms", lag.name(), lag.unit()));
        assertThrows(IllegalArgumentException.class, () -> Quantities.margin("-5%", ratio.name(), ratio.unit()));
    }

    @Test
    void durationsParseAndFormat() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(14), Durations.parse("2w"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1s500ms"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("15"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("m15"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    }
}
