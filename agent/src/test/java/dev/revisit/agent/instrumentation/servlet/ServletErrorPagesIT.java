package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.http.ErrorPageShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.revisit.testapp.http.ErrorPageShop.COMPLETED;
import static dev.revisit.testapp.http.ErrorPageShop.MISSING;
import static dev.revisit.testapp.http.ErrorPageShop.THROWING;
import static dev.revisit.testapp.http.ErrorPageShop.TIMED_OUT;
import static dev.revisit.testapp.http.ErrorPageShop.TIMED_OUT_ANSWERED;
import static dev.revisit.testapp.http.ErrorPageShop.TIMED_OUT_PLAIN;
import static dev.revisit.testapp.http.ErrorPageShop.TIMEOUT_MS;
import static dev.revisit.testapp.http.ErrorPageShop.TIMEOUT_STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container's dispatch to an error page (Spring Boot registers {@code /error}) comes after the request's own
 * dispatch returned, through the same filter chain: it is part of that request, not a request of its own. An async
 * request the container times out is counted once, as its first dispatch named it, with the status the client got,
 * whether the container sends it to the error page or the application's listener answers the timeout. Tomcat runs
 * that error page while the request is still async (in its async error state); Jetty 12 ends a timeout without an
 * error page by itself, with no dispatch and no {@code complete()}.
 */
class ServletErrorPagesIT {

    @Test
    void onTomcat() {
        anErrorPageIsPartOfTheRequestThatFailed(AgentHarness.builder(ErrorPageShop.class));
    }

    @Test
    void onJetty12() {
        anErrorPageIsPartOfTheRequestThatFailed(ShopPrograms.errorPagesOn("jetty12-error-pages", "revisit.spring6.libs",
                "revisit.jetty12.libs", "Jetty"));
    }

    @Test
    void onUndertow() {
        anErrorPageIsPartOfTheRequestThatFailed(ShopPrograms.errorPagesOn("undertow-error-pages", "revisit.spring6.libs",
                "revisit.undertow.libs", "Undertow"));
    }

    private static void anErrorPageIsPartOfTheRequestThatFailed(AgentHarness.Builder shop) {
        AgentRun run = shop.timeout(Duration.ofMinutes(2)).prometheus().run().assertSucceeded();
        String out = run.stdout();
        assertTrue(out.contains("status throwing 500 x" + THROWING), out);
        assertTrue(out.contains("status missing 404 x" + MISSING), out);
        assertTrue(out.contains("status completed 202 x" + COMPLETED), out);
        assertTrue(out.contains("status timeout-answered " + TIMEOUT_STATUS + " x" + TIMED_OUT_ANSWERED), out);
        String timedOut = clientStatus(out, "timeout", TIMED_OUT);
        String timedOutPlain = clientStatus(out, "timeout-plain", TIMED_OUT_PLAIN);
        assertTrue(out.contains("error pages " + (THROWING + MISSING + TIMED_OUT)),
                "each error and each unanswered timeout went to the error page: " + out);

        Points requests = run.otlp().metric("http.server.request.duration");
        assertEquals(Set.of("/raw/*"), requests.values("http.route"), "an error page counted as a request: " + requests);
        assertEquals(THROWING, requests.withAttr("http.response.status_code", "500").withAttr("error.type", "java.lang.IllegalStateException")
                .count(), requests.toString());
        assertEquals(MISSING, requests.withAttr("http.response.status_code", "404").count(), requests.toString());
        assertEquals(COMPLETED, requests.withAttr("http.response.status_code", "202").count(), requests.toString());
        // Timed out: under the first dispatch's route, method and version (v4 with the error page, v5 without), with
        // the status the client got, timed until the container ended it.
        assertTimedOut(requests, "v4", timedOut, TIMED_OUT);
        assertTimedOut(requests, "v4", Integer.toString(TIMEOUT_STATUS), TIMED_OUT_ANSWERED);
        assertTimedOut(requests, "v5", timedOutPlain, TIMED_OUT_PLAIN);
        assertEquals(THROWING + MISSING + COMPLETED + TIMED_OUT + TIMED_OUT_ANSWERED + TIMED_OUT_PLAIN, requests.count(),
                "each counted once: " + requests);
        assertEquals(0, run.prometheus().sum("http_server_active_requests"), "per-request state left behind");
    }

    /** The one status the program's {@code times} requests labelled {@code label} got, a server error. */
    private static String clientStatus(String out, String label, int times) {
        Matcher status = Pattern.compile("status " + label + " (\\d+) x" + times + "\\n").matcher(out);
        assertTrue(status.find(), "each " + label + " request got the same status: " + out);
        assertTrue(status.group(1).startsWith("5"), "a timeout answered " + status.group(1));
        return status.group(1);
    }

    private static void assertTimedOut(Points requests, String version, String status, int times) {
        Points timedOut = requests.withAttr("api.version", version).withAttr("http.response.status_code", status);
        assertEquals(times, timedOut.withAttr("http.request.method", "GET").withoutAttr("error.type").count(), requests.toString());
        assertTrue(timedOut.sum() >= times * TIMEOUT_MS * 1e-3, "timed until the timeout: " + timedOut);
    }
}
