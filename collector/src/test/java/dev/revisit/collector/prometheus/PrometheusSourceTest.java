package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.Verdict;
import dev.revisit.testsupport.FreePort;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries against a real Prometheus, and the faults a store can have — unreachable, an error
 * status, too slow — each ending as no_data with its reason, never as holds.
 */
class PrometheusSourceTest {

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
                  - signal: db.latency.p99
                    expect: "< 50ms"
            """;

    private static PrometheusEndpoint endpoint(URI base, String prefix, Duration timeout) {
        return new PrometheusEndpoint(base, prefix, Map.of(), timeout);
    }

    private static List<AssumptionVerdict> evaluate(PrometheusEndpoint endpoint) throws Exception {
        DecisionsFile file = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(DECISIONS));
        Evaluation evaluation = Evaluator.evaluate(file, new PrometheusSource(new PrometheusQueries(endpoint)), Instant.now());
        return evaluation.decisions().get(0).assumptions();
    }

    @Test
    void aRealPrometheusAnswersValuesAndEmptyAnswersAreNoData(@TempDir Path dir) throws Exception {
        try (PrometheusServer prometheus = PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir,
                "global:\n  scrape_interval: 1m\n")) {
            PrometheusQueries queries = new PrometheusQueries(endpoint(prometheus.base(), "", Duration.ofSeconds(5)));
            long now = System.currentTimeMillis();

            assertEquals(0.25, queries.instant("vector(0.25)", now));
            assertEquals(0.5, queries.instant("scalar(vector(0.5))", now));
            assertTrue(Double.isNaN(queries.instant("revisit_cache_requests_total", now)));
            PrometheusException bad = assertThrows(PrometheusException.class, () -> queries.instant("sum(", now));
            assertTrue(bad.getMessage().contains("bad_data"), bad.getMessage());
            PrometheusException many = assertThrows(PrometheusException.class,
                    () -> queries.instant("label_replace(vector(1), \"a\", \"x\", \"\", \"\") or vector(2)", now));
            assertTrue(many.getMessage().contains("2 series"), many.getMessage());

            for (AssumptionVerdict v : evaluate(endpoint(prometheus.base(), "", Duration.ofSeconds(5)))) {
                assertEquals(Verdict.NO_DATA, v.verdict(), v.reason()); // no series at all: never holds
            }
            // a wrong path prefix is Prometheus' own 404, reported as such
            for (AssumptionVerdict v : evaluate(endpoint(prometheus.base(), "/prometheus", Duration.ofSeconds(5)))) {
                assertEquals(Verdict.NO_DATA, v.verdict());
                assertTrue(v.reason().contains("HTTP 404"), v.reason());
            }
        }
    }

    @Test
    void anUnreachableStoreMakesEveryAssumptionNoDataWithTheReason() throws Exception {
        int port = FreePort.pick(); // closed again: nothing listens there
        for (AssumptionVerdict v : evaluate(endpoint(URI.create("http://127.0.0.1:" + port), "", Duration.ofSeconds(2)))) {
            assertEquals(Verdict.NO_DATA, v.verdict());
            assertTrue(v.reason().contains("unreachable"), v.reason());
        }
    }

    @Test
    void errorStatusesAndSlowAnswersAreNoDataAndPrefixHeadersAndAuthAreSent() throws Exception {
        AtomicReference<String> path = new AtomicReference<>();
        AtomicReference<String> tenant = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>(503);
        AtomicReference<Long> delay = new AtomicReference<>(0L);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            tenant.set(exchange.getRequestHeaders().getFirst("X-Scope-OrgID"));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delay.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "upstream unavailable".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            PrometheusEndpoint mimir = endpoint(base, "prometheus/", Duration.ofMillis(500))
                    .withHeader("X-Scope-OrgID", "team-a").withBasic("revisit", "s3cret");

            for (AssumptionVerdict v : evaluate(mimir)) {
                assertEquals(Verdict.NO_DATA, v.verdict());
                assertTrue(v.reason().contains("HTTP 503") && v.reason().contains("upstream unavailable"), v.reason());
            }
            assertEquals("/prometheus/api/v1/query_range", path.get()); // the lookback in one range query
            assertEquals("team-a", tenant.get());
            assertEquals("Basic cmV2aXNpdDpzM2NyZXQ=", auth.get());

            status.set(200);
            delay.set(2000L);
            for (AssumptionVerdict v : evaluate(mimir.withBearer("token"))) {
                assertEquals(Verdict.NO_DATA, v.verdict());
                assertTrue(v.reason().contains("did not answer within 500 ms"), v.reason());
            }
            assertEquals("Bearer token", auth.get());
        } finally {
            server.stop(0);
        }
    }
}
