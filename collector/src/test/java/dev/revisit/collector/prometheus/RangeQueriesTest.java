package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.Verdict;
import dev.revisit.testsupport.PrometheusServer;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookback through {@code /api/v1/query_range}: a real Prometheus answers each step with what
 * an instant query at that step answers, an assumption costs one range query (two while a breach
 * is traced back), identical assumptions in a round share their query, and every way a range
 * answer can go wrong — an error status, a slow store, warnings, more than one series, samples off
 * the steps, gaps, nothing at all — ends as no_data with its reason, never as holds.
 */
class RangeQueriesTest {

    private static final long START = CacheRecording.START;
    private static final int STEP_SECONDS = CacheRecording.STEP_SECONDS;
    private static final int STEPS = CacheRecording.STEPS;

    private static final String DECISIONS = """
            decisions:
              - id: PRODUCTS
                title: Products cache
                area: caching
                decided: 2026-01-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { cache.name: products }, expect: ">= 0.5", window: 5m, for: 10m }
              - id: PRODUCTS-AGAIN
                title: The same assumption in another decision
                area: caching
                decided: 2026-01-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { cache.name: products }, expect: ">= 0.5", window: 5m, for: 10m }
              - id: SEARCH
                title: Search cache
                area: caching
                decided: 2026-01-01
                assumptions:
                  - { signal: cache.hit_ratio, scope: { cache.name: search }, expect: ">= 0.8", window: 2m, for: 5m }
            """;

    private static DecisionsFile decisions() throws Exception {
        return new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(DECISIONS));
    }

    @Test
    void aRealPrometheusAnswersEachStepAsAnInstantQueryAndEachAssumptionCostsOneOrTwoRangeQueries(@TempDir Path dir)
            throws Exception {
        try (PrometheusServer prometheus = CacheRecording.start(dir)) {
            PrometheusQueries queries = new PrometheusQueries(
                    new PrometheusEndpoint(prometheus.base(), "", Map.of(), Duration.ofSeconds(10)));
            String promql = Catalog.builtIn().get("cache.hit_ratio").orElseThrow().promql()
                    .render(dev.revisit.collector.catalog.PromQl.Selector.of(decisions().decisions().get(2)
                            .assumptions().get(0).scope()), "2m");
            long first = (START + 1800) * 1000 + 500; // off the samples' grid, and milliseconds survive the trip
            long step = 100_000 + 1; // an odd step, in milliseconds
            double[] ranged = queries.range(promql, first, step, 20);
            for (int i = 0; i < ranged.length; i++) {
                assertEquals(queries.instant(promql, first + i * step), ranged[i], 1e-12, "step " + i);
            }
            assertEquals(0.9, ranged[0], 1e-9);
            assertEquals(0.6, ranged[19], 1e-9);
            // a batch: each query's answer on its own, a query with two series faulted alone
            List<PrometheusQueries.Answer> batch = queries.rangeBatch(List.of(promql,
                    "label_replace(vector(1), \"a\", \"x\", \"\", \"\") or label_replace(vector(2), \"a\", \"y\", \"\", \"\")",
                    "vector(0.25)"), first, step, 20);
            assertTrue(java.util.Arrays.equals(ranged, batch.get(0).values()), "the batched answer is the query's own");
            assertTrue(batch.get(1).fault().getMessage().contains("2 series"), batch.get(1).toString());
            assertEquals(0.25, batch.get(2).values()[19]);
            double[] beforeAnyData = queries.range(promql, (START - 3600) * 1000, 60_000, 5);
            assertTrue(java.util.Arrays.stream(beforeAnyData).allMatch(Double::isNaN), "no series then: NaN, not 0");

            try (PrometheusSource source = new PrometheusSource(queries, 4)) {
                long before = queries.issued();
                List<AssumptionVerdict> verdicts = assumptions(Evaluator.evaluate(decisions(), source,
                        Instant.ofEpochSecond(START + STEPS * STEP_SECONDS)));
                long issued = queries.issued() - before;

                assertEquals(Verdict.HOLDS, verdicts.get(0).verdict(), verdicts.get(0).reason());
                assertEquals(0.8, verdicts.get(0).value(), 1e-9);
                assertEquals(Verdict.REVIEW, verdicts.get(2).verdict(), verdicts.get(2).reason());
                Instant since = verdicts.get(2).since();
                assertTrue(since.isAfter(Instant.ofEpochSecond(START + 2400)) && since.isBefore(Instant.ofEpochSecond(START + 2400 + 120)),
                        "the breach traced back to where the 2 m window first breaks 0.8: " + since);
                // products: one range query, shared by both decisions; search: the lookback and the reach back
                assertEquals(3, issued);
            }
        }
    }

    /** The range a query_range asked for. */
    private record Asked(long start, long step, long end) {}

    /**
     * A stand-in store answering every query with {@link #body} (given the range asked for), after
     * {@link #delay} ms, with {@link #status}.
     */
    private static final class FakeStore implements AutoCloseable {
        final AtomicReference<Function<Asked, String>> body = new AtomicReference<>();
        final AtomicReference<Integer> status = new AtomicReference<>(200);
        final AtomicReference<Long> delay = new AtomicReference<>(0L);
        final List<String> paths = new CopyOnWriteArrayList<>();
        final HttpServer server;

        FakeStore() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                paths.add(exchange.getRequestURI().getPath());
                Map<String, String> form = new java.util.HashMap<>();
                for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    String[] kv = pair.split("=", 2);
                    form.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
                Asked asked = form.containsKey("step") ? new Asked(Instant.parse(form.get("start")).toEpochMilli(),
                        Long.parseLong(form.get("step").replace("ms", "")), Instant.parse(form.get("end")).toEpochMilli()) : null;
                try {
                    Thread.sleep(delay.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] bytes = body.get().apply(asked).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static final String ONE = """
            - id: ONE
              title: One cache
              area: caching
              decided: 2026-01-01
              assumptions:
                - { signal: cache.hit_ratio, expect: ">= 0.5", window: 5m, for: 10m }
            """;
    private static final long AT = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
    private static final long STEP = 100_000; // 2 × for ÷ 12

    /**
     * Answers a range with one series holding {@code value(k)} at each step asked for, k counting
     * steps from the evaluation instant (0 now, −1 one step before, …); no sample where it is null.
     */
    private static Function<Asked, String> matrix(Function<Long, String> value) {
        return asked -> {
            List<String> samples = new ArrayList<>();
            for (long t = asked.start(); t <= asked.end(); t += asked.step()) {
                String v = value.apply((t - AT) / STEP);
                if (v != null) {
                    samples.add(String.format(java.util.Locale.ROOT, "[%.3f,\"%s\"]", t / 1000.0, v));
                }
            }
            return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
                    + String.join(",", samples) + "]}]}}";
        };
    }

    private static Function<Asked, String> fixed(String body) {
        return asked -> body;
    }

    private static Function<Asked, String> edited(Function<Asked, String> answer, Function<String, String> edit) {
        return asked -> edit.apply(answer.apply(asked));
    }

    private static AssumptionVerdict evaluateOne(FakeStore store, Duration timeout) throws Exception {
        DecisionsFile file = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader("decisions:\n" + ONE));
        try (PrometheusSource source = new PrometheusSource(new PrometheusQueries(
                new PrometheusEndpoint(store.base(), "", Map.of(), timeout)))) {
            return Evaluator.evaluate(file, source, Instant.ofEpochMilli(AT)).decisions().get(0).assumptions().get(0);
        }
    }

    private static void assertNoData(AssumptionVerdict v, String reason) {
        assertEquals(Verdict.NO_DATA, v.verdict(), v.reason());
        assertTrue(v.reason().contains(reason), v.reason());
    }

    @Test
    void everyFaultyRangeAnswerIsNoDataWithItsReason() throws Exception {
        try (FakeStore store = new FakeStore()) {
            store.body.set(matrix(k -> "0.9"));
            AssumptionVerdict good = evaluateOne(store, Duration.ofSeconds(5));
            assertEquals(Verdict.HOLDS, good.verdict(), good.reason()); // the stand-in answers well when asked to
            assertEquals(List.of("/api/v1/query_range"), store.paths);

            store.status.set(500);
            store.body.set(fixed("{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"ingester down\"}"));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "HTTP 500, internal: ingester down");

            store.status.set(502);
            store.body.set(fixed("<html>Bad Gateway</html>"));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "HTTP 502 without a Prometheus API body: <html>Bad Gateway</html>");

            store.status.set(429);
            store.body.set(fixed("{\"status\":\"error\",\"errorType\":\"too_many_requests\",\"error\":\"the query hit the max number of chunks\"}"));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "HTTP 429");

            store.status.set(200);
            store.body.set(edited(matrix(k -> "0.9"),
                    b -> b.replace("\"data\"", "\"warnings\":[\"store-gateway zone-b unavailable\"],\"data\"")));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "partial answer from the store: [\"store-gateway zone-b unavailable\"]");

            store.body.set(edited(matrix(k -> "0.9"), one -> {
                int series = one.indexOf("{\"metric\"");
                return one.replace("]}]}}", "]}," + one.substring(series, one.length() - 3) + "]}}");
            }));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "2 series where one was expected");

            store.body.set(edited(matrix(k -> "0.9"), b -> b.replaceFirst("\\[(\\d+)\\.000,", "[$1.500,")));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "lies off the steps asked for");

            store.body.set(matrix(k -> k == 0 ? "high" : "0.9"));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "not a number: high");

            store.body.set(fixed("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
            assertNoData(evaluateOne(store, Duration.ofSeconds(5)), "no data for cache.hit_ratio");

            // a partial answer that holds at every step it has, but has nothing now: no data, not holds
            store.body.set(matrix(k -> k < 0 ? "0.9" : null));
            AssumptionVerdict stale = evaluateOne(store, Duration.ofSeconds(5));
            assertNoData(stale, "no data for cache.hit_ratio");
            assertEquals(Instant.ofEpochMilli(AT - STEP), stale.since(), "last seen one step ago");

            // gaps inside the lookback are skipped, the verdict rests on the steps that have data
            store.body.set(matrix(k -> k % 2 == 0 ? "0.2" : null));
            AssumptionVerdict gappy = evaluateOne(store, Duration.ofSeconds(5));
            assertEquals(Verdict.REVIEW, gappy.verdict(), gappy.reason());
            assertNotEquals(null, gappy.since());

            store.body.set(matrix(k -> "0.9"));
            store.delay.set(1500L);
            assertNoData(evaluateOne(store, Duration.ofMillis(300)), "did not answer within 300 ms");
        }
    }

    @Test
    void rangesMustBeWellFormed() {
        PrometheusQueries queries = new PrometheusQueries(new PrometheusEndpoint(URI.create("http://127.0.0.1:9"), "", Map.of(),
                Duration.ofSeconds(1)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> queries.range("up", 0, 0, 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> queries.range("up", 0, 1000, 0));
    }

    private static List<AssumptionVerdict> assumptions(dev.revisit.collector.verdict.Evaluation evaluation) {
        return evaluation.decisions().stream().flatMap(d -> d.assumptions().stream()).toList();
    }
}
