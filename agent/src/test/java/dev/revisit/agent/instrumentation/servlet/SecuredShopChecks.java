package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.http.SecuredShop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static dev.revisit.testapp.http.SecuredShop.ASYNC;
import static dev.revisit.testapp.http.SecuredShop.BAD_LOGINS;
import static dev.revisit.testapp.http.SecuredShop.FORGED_TOKENS;
import static dev.revisit.testapp.http.SecuredShop.GOOD_LOGINS;
import static dev.revisit.testapp.http.SecuredShop.HANDLER_SLEEP_MS;
import static dev.revisit.testapp.http.SecuredShop.HASH_SLEEP_MS;
import static dev.revisit.testapp.http.SecuredShop.INTROSPECT_SLEEP_MS;
import static dev.revisit.testapp.http.SecuredShop.JWT_SLEEP_MS;
import static dev.revisit.testapp.http.SecuredShop.MALFORMED_TOKENS;
import static dev.revisit.testapp.http.SecuredShop.NO_TOKEN;
import static dev.revisit.testapp.http.SecuredShop.OPAQUE_OK;
import static dev.revisit.testapp.http.SecuredShop.OPAQUE_REVOKED;
import static dev.revisit.testapp.http.SecuredShop.PUBLIC;
import static dev.revisit.testapp.http.SecuredShop.RAW_ASYNC;
import static dev.revisit.testapp.http.SecuredShop.RAW_MISSING;
import static dev.revisit.testapp.http.SecuredShop.RAW_THROWING;
import static dev.revisit.testapp.http.SecuredShop.THROWING;
import static dev.revisit.testapp.http.SecuredShop.V1_ORDERS;
import static dev.revisit.testapp.http.SecuredShop.V2_ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every generation of the Spring Security test program must show, on every container: one
 * child JVM with an embedded servlet container, Spring MVC, Spring Security (JWT resource server
 * with Nimbus, BCrypt form login, optionally opaque tokens checked by introspection) and a plain
 * servlet (throwing, 404, async completed from another thread), real HTTP requests. Everything is
 * read over the window after the program's warm-up (between two OTLP exports), the way the
 * collector reads a window. Subclasses say which library generation runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecuredShopChecks {
    private static final String HTTP = "http.server.request.duration";
    private static final String AUTH = "revisit.auth.duration";
    private static final double MS = 1e-3;

    private AgentRun run;
    private ExportedMetrics warm;
    private ExportedMetrics end;

    /** The program, on the library generation under test (its agent properties and class path). */
    abstract AgentHarness.Builder shop();

    /** {@code jakarta.servlet} or {@code javax.servlet}. */
    abstract String servletNamespace();

    /** What a handler's exception reaches the container as. */
    String thrownType() {
        return servletNamespace() + ".ServletException";
    }

    /** {@code spring} or {@code nimbus}: the run checks opaque tokens with that introspector too; null: no opaque tokens. */
    String introspector() {
        return null;
    }

    private boolean introspection() {
        return introspector() != null;
    }

    @BeforeAll
    void runShop() {
        run = shop().property("revisit.export.interval.ms", Long.toString(SecuredShop.EXPORT_INTERVAL_MS))
                .jvmArg("-Dshop.introspection=" + (introspection() ? introspector() : "none"))
                .timeout(Duration.ofMinutes(3)).prometheus().run().assertSucceeded();
        end = run.otlp();
        // The exports taken in the quiet gap after the warm-up; the middle one, because the gap's
        // edges can race: the warm-up's async dispatch may still be finishing its filter pass, and
        // the first measured request's filter pass is recorded just before its request is.
        int warmup = SecuredShop.WARMUP_REQUESTS + (introspection() ? 2 : 0);
        List<ExportedMetrics> quiet = end.asOfEachExport().stream()
                .filter(e -> appRequests(e.metric(HTTP)).count() == warmup)
                .toList();
        if (quiet.isEmpty()) {
            throw new AssertionError("no export holds exactly the warm-up; stdout:\n" + run.stdout() + "\nstderr:\n" + run.stderr());
        }
        warm = quiet.get(quiet.size() / 2);
    }

    @Test
    void theProgramGotTheAnswersItAskedFor() {
        String out = run.stdout();
        assertTrue(out.contains("status v1-order 200 x" + V1_ORDERS), out);
        assertTrue(out.contains("status malformed 401 x" + MALFORMED_TOKENS), out);
        assertTrue(out.contains("status throwing 500 x" + THROWING), out);
        assertTrue(out.contains("status async 200 x" + ASYNC), out);
        assertTrue(out.contains("status good-login 302-ok x" + GOOD_LOGINS), out);
        assertTrue(out.contains("status bad-login 302-error x" + BAD_LOGINS), out);
        assertTrue(out.contains("status raw-async 202 x" + RAW_ASYNC), out);
        assertTrue(out.contains("status raw-throwing 500 x" + RAW_THROWING), out);
        assertTrue(out.contains("status raw-missing 404 x" + RAW_MISSING), out);
        if (introspection()) {
            assertTrue(out.contains("status opaque-ok 200 x" + OPAQUE_OK), out);
            assertTrue(out.contains("status opaque-revoked 401 x" + OPAQUE_REVOKED), out);
        }
    }

    @Test
    void requestsAreTimedByRouteTemplateStatusAndVersion() {
        Window v1 = http(p -> p.withAttr("http.route", "/api/v1/orders/{id}").withAttr("http.response.status_code", "200"));
        assertEquals(V1_ORDERS, v1.count);
        assertTrue(v1.sum >= V1_ORDERS * (JWT_SLEEP_MS + HANDLER_SLEEP_MS) * MS, "v1 orders took " + v1.sum + " s");
        assertEquals(V1_ORDERS, http(p -> p.withAttr("http.route", "/api/v1/orders/{id}").withAttr("api.version", "v1")).count);
        assertEquals(V2_ORDERS, http(p -> p.withAttr("http.route", "/api/v2/orders/{id}").withAttr("api.version", "v2")
                .withAttr("http.request.method", "GET")).count);
        assertEquals(PUBLIC, http(p -> p.withAttr("http.route", "/public/hello").withAttr("http.response.status_code", "200")).count);

        // Turned away before Spring MVC matched a route: the servlet mapping is the bounded fallback.
        assertEquals(MALFORMED_TOKENS + FORGED_TOKENS + NO_TOKEN + opaqueRevoked(),
                http(p -> p.withAttr("http.route", "/").withAttr("http.response.status_code", "401").withAttr("api.version", "v1")).count);
        assertEquals(GOOD_LOGINS + BAD_LOGINS,
                http(p -> p.withAttr("http.request.method", "POST").withAttr("http.response.status_code", "302")).count);

        Points routes = end.metric(HTTP);
        Set<String> expected = new HashSet<>(Set.of("/api/v1/orders/{id}", "/api/v2/orders/{id}", "/api/v1/boom",
                "/api/v1/later/{id}", "/public/hello", "/", "/raw/*"));
        if (introspection()) {
            expected.addAll(Set.of("/opaque/v1/things/{id}", "/introspect"));
        }
        assertEquals(expected, routes.values("http.route"), "a raw path became a route: " + routes);
        assertEquals(Set.of("http"), routes.values("url.scheme"));
    }

    @Test
    void aThrowingHandlerIsA500WithItsErrorType() {
        Window boom = http(p -> p.withAttr("http.route", "/api/v1/boom"));
        assertEquals(THROWING, boom.count);
        assertEquals(THROWING, http(p -> p.withAttr("http.route", "/api/v1/boom").withAttr("http.response.status_code", "500")
                .withAttr("error.type", thrownType())).count, end.metric(HTTP).toString());
    }

    /** A plain servlet has no framework template: its mapping is the route, on Servlet 3.x containers too. */
    @Test
    void plainServletRequestsAreRoutedByTheirMapping() {
        Window later = http(p -> p.withAttr("http.route", "/raw/*").withAttr("http.response.status_code", "202")
                .withAttr("api.version", "v3"));
        assertEquals(RAW_ASYNC, later.count, end.metric(HTTP).toString());
        assertTrue(later.sum >= RAW_ASYNC * HANDLER_SLEEP_MS * MS, "completed from another thread after its sleep: " + later.sum + " s");
        assertEquals(RAW_THROWING, http(p -> p.withAttr("http.route", "/raw/*").withAttr("http.response.status_code", "500")
                .withAttr("error.type", "java.lang.IllegalStateException")).count, end.metric(HTTP).toString());
        assertEquals(RAW_MISSING, http(p -> p.withAttr("http.route", "/raw/*").withAttr("http.response.status_code", "404")).count,
                end.metric(HTTP).toString());
        assertEquals(RAW_ASYNC + RAW_THROWING + RAW_MISSING, http(p -> p.withAttr("http.route", "/raw/*")).count,
                "each counted once: " + end.metric(HTTP));
    }

    @Test
    void anAsyncRequestIsTimedUntilItCompletes() {
        Window later = http(p -> p.withAttr("http.route", "/api/v1/later/{id}").withAttr("http.response.status_code", "200"));
        assertEquals(ASYNC, later.count);
        // The first dispatch returns at once; the handler's sleep runs after it, on another thread.
        assertTrue(later.sum >= ASYNC * (JWT_SLEEP_MS + HANDLER_SLEEP_MS) * MS, "async requests took " + later.sum + " s");
    }

    @Test
    void authStepsAreCountedWithTheirOutcome() {
        assertEquals(V1_ORDERS + V2_ORDERS + THROWING + ASYNC, auth("jwt", "success").count);
        assertEquals(MALFORMED_TOKENS + FORGED_TOKENS, auth("jwt", "failure").count, "malformed and forged tokens fail");
        assertEquals(GOOD_LOGINS, auth("password-hash", "success").count, "start-up hashing is outside any request");
        assertEquals(BAD_LOGINS, auth("password-hash", "failure").count);
        assertEquals(MALFORMED_TOKENS + FORGED_TOKENS + NO_TOKEN + BAD_LOGINS + opaqueRevoked(), auth("filter-chain", "failure").count);
        // One per pass through the security filters; an async request passes twice (request and async dispatch),
        // the plain servlet's (permitted) once: it completes without dispatching again.
        assertEquals(V1_ORDERS + V2_ORDERS + THROWING + 2 * ASYNC + GOOD_LOGINS + PUBLIC + opaqueOk() + RAW_ASYNC + RAW_THROWING + RAW_MISSING,
                auth("filter-chain", "success").count);

        int tokens = V1_ORDERS + V2_ORDERS + THROWING + ASYNC + MALFORMED_TOKENS + FORGED_TOKENS;
        assertTrue(auth("jwt", null).sum >= tokens * JWT_SLEEP_MS * MS);
        assertTrue(auth("password-hash", null).sum >= (GOOD_LOGINS + BAD_LOGINS) * HASH_SLEEP_MS * MS);
    }

    @Test
    void introspectionCallsAreCountedWithTheirOutcome() {
        assertEquals(opaqueOk(), auth("introspection", "success").count);
        assertEquals(opaqueRevoked(), auth("introspection", "failure").count, "a revoked (inactive) token fails");
        assertTrue(auth("introspection", null).sum >= (opaqueOk() + opaqueRevoked()) * INTROSPECT_SLEEP_MS * MS);
        assertEquals(opaqueOk(), http(p -> p.withAttr("http.route", "/opaque/v1/things/{id}").withAttr("http.response.status_code", "200")).count);
    }

    @Test
    void nestedAuthWorkIsCountedOnce() {
        // The bearer-token filter calls the decoder, the login filter the encoder, and both hand the
        // request on to the handler: none of that is the filters' own time.
        double filters = auth("filter-chain", null).sum;
        double jwt = auth("jwt", null).sum;
        assertTrue(filters < jwt / 2, "filter-chain " + filters + " s holds the decoder's " + jwt + " s");
        if (introspection()) {
            // The bearer filter calls the introspector: were that call also the filter's, the filters would hold all of it.
            double introspection = auth("introspection", null).sum;
            assertTrue(filters < introspection, "filter-chain " + filters + " s holds introspection's " + introspection + " s");
        }
        assertTrue(filters < V1_ORDERS * HANDLER_SLEEP_MS * MS, "filter-chain " + filters + " s holds handler time");
    }

    /**
     * auth.overhead_ratio as the collector computes it (Σ auth seconds ÷ Σ request seconds over a
     * window) against the sleeps the program put in the decoder, the encoder and the handlers.
     * Tolerance ±0.1: under load a sleep overshoots, and the framework's own time around the
     * sleeps (dispatch, serialisation, the real BCrypt and HMAC work) is not in the hand count.
     * The introspection endpoint's own requests (the authorization server, here in the same JVM)
     * are not the application's.
     */
    @Test
    void authShareMatchesTheHandComputedOne() {
        long authMs = (V1_ORDERS + V2_ORDERS + THROWING + ASYNC + MALFORMED_TOKENS + FORGED_TOKENS) * JWT_SLEEP_MS
                + (GOOD_LOGINS + BAD_LOGINS) * HASH_SLEEP_MS + (opaqueOk() + opaqueRevoked()) * INTROSPECT_SLEEP_MS;
        long requestMs = (V1_ORDERS + V2_ORDERS + ASYNC) * (JWT_SLEEP_MS + HANDLER_SLEEP_MS) + RAW_ASYNC * HANDLER_SLEEP_MS
                + (MALFORMED_TOKENS + FORGED_TOKENS + THROWING) * JWT_SLEEP_MS
                + (GOOD_LOGINS + BAD_LOGINS) * HASH_SLEEP_MS
                + opaqueOk() * (INTROSPECT_SLEEP_MS + HANDLER_SLEEP_MS) + opaqueRevoked() * INTROSPECT_SLEEP_MS;
        double expected = (double) authMs / requestMs;
        double measured = auth(null, null).sum / http(SecuredShopChecks::appRequests).sum;
        assertEquals(introspection() ? 1080.0 / 1800 : 900.0 / 1500, expected, 1e-9,
                "the hand count: 900 ms of auth in 1500 ms of requests (with introspection: 1080 in 1800)");
        assertEquals(expected, measured, 0.1, "auth share");
        assertTrue(measured < 1, "auth time is part of request time");
    }

    @Test
    void noRequestIsLeftInFlight() {
        assertEquals(0, run.prometheus().sum("http_server_active_requests"), run.prometheus().text());
    }

    private int opaqueOk() {
        return introspection() ? OPAQUE_OK : 0;
    }

    private int opaqueRevoked() {
        return introspection() ? OPAQUE_REVOKED : 0;
    }

    /** Requests to the application, not to the introspection endpoint it calls. */
    private static Points appRequests(Points requests) {
        return requests.filter(p -> !"/introspect".equals(p.attributes().get("http.route")));
    }

    private Window http(Function<Points, Points> narrow) {
        return window(HTTP, narrow);
    }

    private Window auth(String mechanism, String outcome) {
        return window(AUTH, p -> {
            Points narrowed = mechanism == null ? p : p.withAttr("auth.mechanism", mechanism);
            return outcome == null ? narrowed : narrowed.withAttr("auth.outcome", outcome);
        });
    }

    private Window window(String metric, Function<Points, Points> narrow) {
        Points after = narrow.apply(end.metric(metric));
        Points before = narrow.apply(warm.metric(metric));
        return new Window(after.count() - before.count(), after.sum() - before.sum());
    }

    private record Window(long count, double sum) {}
}
