package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.http.ErrorPageShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static dev.revisit.testapp.http.ErrorPageShop.COMPLETED;
import static dev.revisit.testapp.http.ErrorPageShop.MISSING;
import static dev.revisit.testapp.http.ErrorPageShop.THROWING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container's dispatch to an error page (Spring Boot registers {@code /error}) comes after the request's own
 * dispatch returned, through the same filter chain: it is part of that request, not a request of its own.
 */
class ServletErrorPagesIT {

    @Test
    void anErrorPageIsPartOfTheRequestThatFailed() {
        AgentRun run = AgentHarness.builder(ErrorPageShop.class).timeout(Duration.ofMinutes(2)).prometheus().run().assertSucceeded();
        String out = run.stdout();
        assertTrue(out.contains("status throwing 500 x" + THROWING), out);
        assertTrue(out.contains("status missing 404 x" + MISSING), out);
        assertTrue(out.contains("status completed 202 x" + COMPLETED), out);
        assertTrue(out.contains("error pages " + (THROWING + MISSING)), "each error went to the error page: " + out);

        Points requests = run.otlp().metric("http.server.request.duration");
        assertEquals(Set.of("/raw/*"), requests.values("http.route"), "an error page counted as a request: " + requests);
        assertEquals(THROWING, requests.withAttr("http.response.status_code", "500").withAttr("error.type", "java.lang.IllegalStateException")
                .count(), requests.toString());
        assertEquals(MISSING, requests.withAttr("http.response.status_code", "404").count(), requests.toString());
        assertEquals(COMPLETED, requests.withAttr("http.response.status_code", "202").count(), requests.toString());
        assertEquals(THROWING + MISSING + COMPLETED, requests.count());
        assertEquals(0, run.prometheus().sum("http_server_active_requests"), "per-request state left behind");
    }
}
