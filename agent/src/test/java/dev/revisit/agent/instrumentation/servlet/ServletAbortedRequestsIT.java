package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.http.SecuredShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Async requests that never complete, half of them abandoned by their client: each ends when
 * the container times it out, is counted once as a 500, and leaves nothing behind in the agent.
 */
class ServletAbortedRequestsIT {

    @Test
    void neverCompletedRequestsAreCountedAndForgotten() {
        AgentRun run = AgentHarness.builder(SecuredShop.class).args("hang").timeout(Duration.ofMinutes(3)).prometheus().run().assertSucceeded();

        Matcher dispatched = Pattern.compile("dispatched (\\d+)").matcher(run.stdout());
        assertTrue(dispatched.find(), run.stdout());
        int served = Integer.parseInt(dispatched.group(1));
        assertTrue(served >= SecuredShop.HANGING / 2, "the server saw only " + served + " requests");

        Points hanging = run.otlp().metric("http.server.request.duration").withAttr("http.route", "/raw/*");
        assertEquals(served, hanging.count(), run.stdout() + hanging);
        assertEquals(served, hanging.withAttr("http.response.status_code", "500").count());
        assertTrue(hanging.sum() >= served * SecuredShop.HANG_TIMEOUT_MS * 1e-3, "timed until the timeout: " + hanging.sum());
        assertEquals(0, run.prometheus().sum("http_server_active_requests"), "per-request state left behind");
    }
}
