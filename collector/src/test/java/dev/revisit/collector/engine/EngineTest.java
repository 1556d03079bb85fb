package dev.revisit.collector.engine;

import static dev.revisit.collector.catalog.Feed.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Feed;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    private static final String FILE = """
            decisions:
              - id: D1
                title: Cache the catalog
                area: caching
                decided: 2026-11-01
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: s }
                    expect: "%s"
            """;

    @TempDir
    Path dir;

    private Path write(String content, int secondsLater) throws Exception {
        Path file = dir.resolve("decisions.yaml");
        Files.writeString(file, content);
        // make the change visible even on file systems with coarse modification times
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-25T12:00:00Z").plusSeconds(secondsLater)));
        return file;
    }

    @Test
    void aChangedFileTakesEffectAndABrokenOneKeepsTheOldInForce() throws Exception {
        Path file = write(FILE.formatted(">= 0.8"), 0);
        DecisionsWatch watch = new DecisionsWatch(file, new DecisionsReader(Catalog.builtIn()));
        assertFalse(watch.poll(), "unchanged");

        write(FILE.formatted(">= 0.9"), 10);
        assertTrue(watch.poll());
        assertEquals(0.9, watch.current().decisions().get(0).assumptions().get(0).expect().value());

        write(FILE.formatted(">= 0.95").replace("area: caching", "area: cachin"), 20);
        assertFalse(watch.poll());
        assertEquals(0.9, watch.current().decisions().get(0).assumptions().get(0).expect().value(), "old file in force");
        assertEquals(1, watch.rejected().size());
        assertEquals(file + ":4:11", watch.rejected().get(0).position().toString());

        write(FILE.formatted(">= 0.95"), 30);
        assertTrue(watch.poll());
        assertEquals(0.95, watch.current().decisions().get(0).assumptions().get(0).expect().value());
        assertEquals(List.of(), watch.rejected());
    }

    @Test
    void theLoopEvaluatesOnScheduleAndReportsTransitions() throws Exception {
        Feed feed = new Feed();
        for (int m = 0; m <= 60; m++) {
            feed.counterAt("revisit.cache.requests", "service.name=s,cache.name=c,cache.result=hit", m, 950.0 * m);
            feed.counterAt("revisit.cache.requests", "service.name=s,cache.name=c,cache.result=miss", m, 50.0 * m);
        }
        Path file = write(FILE.formatted(">= 0.8"), 0);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(minute(60)), ZoneOffset.UTC);
        try (VerdictLoop loop = new VerdictLoop(new DecisionsWatch(file, new DecisionsReader(Catalog.builtIn())),
                feed.store(), clock)) {
            loop.start(Duration.ofMillis(50));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (loop.current() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Evaluation first = loop.current();
            assertNotNull(first, "a round ran");
            assertEquals(Verdict.HOLDS, first.decisions().get(0).verdict());

            // the team raises the bar above what the cache delivers: the next round sees the new file
            write(FILE.formatted(">= 0.99"), 10);
            Evaluation second = loop.round();
            assertEquals(Verdict.REVIEW, second.decisions().get(0).verdict());
            List<String> changes = VerdictLoop.transitions(first, second);
            assertEquals(1, changes.size());
            assertTrue(changes.get(0).startsWith("D1: holds → review (cache.hit_ratio = 95% breaks >= 0.99"), changes.get(0));
            assertEquals(List.of(), VerdictLoop.transitions(second, loop.round()), "no change, nothing to log");
        }
    }

    @Test
    void aLoopThatRanForAnHourAgreesWithAOneShotEvaluation() throws Exception {
        Feed feed = new Feed();
        double hits = 0;
        for (int m = 0; m <= 120; m++) { // hovering around the threshold, then a dip
            double ratio = m > 80 && m < 100 ? 0.6 : (m % 2 == 0 ? 0.78 : 0.84);
            hits += 1000 * ratio;
            feed.counterAt("revisit.cache.requests", "service.name=s,cache.name=c,cache.result=hit", m, hits);
            feed.counterAt("revisit.cache.requests", "service.name=s,cache.name=c,cache.result=miss", m, 1000.0 * m - hits);
        }
        Path file = write(FILE.formatted(">= 0.8"), 0);
        Instant[] now = {Instant.ofEpochMilli(minute(60))};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        var decisions = new DecisionsWatch(file, new DecisionsReader(Catalog.builtIn()));
        try (VerdictLoop loop = new VerdictLoop(decisions, feed.store(), clock)) {
            java.util.Set<Verdict> seen = new java.util.HashSet<>();
            for (int m = 60; m <= 120; m++) {
                now[0] = Instant.ofEpochMilli(minute(m));
                Evaluation looped = loop.round();
                Evaluation oneShot = dev.revisit.collector.verdict.Evaluator.evaluate(decisions.current(), feed.store(), now[0]);
                assertEquals(oneShot.decisions().get(0).verdict(), looped.decisions().get(0).verdict(), "minute " + m);
                assertEquals(oneShot.decisions().get(0).reason(), looped.decisions().get(0).reason(), "minute " + m);
                seen.add(looped.decisions().get(0).verdict());
            }
            assertEquals(java.util.Set.of(Verdict.AT_RISK, Verdict.REVIEW), seen, "the data went through both");
        }
    }
}
