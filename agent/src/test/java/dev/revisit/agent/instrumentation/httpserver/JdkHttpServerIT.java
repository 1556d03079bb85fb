package dev.revisit.agent.instrumentation.httpserver;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.http.JdkServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static dev.revisit.testapp.http.JdkServer.PER_LIBRARY_INVALID;
import static dev.revisit.testapp.http.JdkServer.PER_LIBRARY_VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One child JVM: the JDK's {@code HttpServer} with handlers verifying JWTs with JJWT, Auth0
 * java-jwt and Nimbus, and checking PBKDF2 passwords; the API version from a configured header.
 */
class JdkHttpServerIT {
    private static AgentRun run;
    private static Points http;
    private static Points auth;

    @BeforeAll
    static void runServer() {
        run = AgentHarness.builder(JdkServer.class)
                .property("revisit.http.version.header", JdkServer.VERSION_HEADER)
                .timeout(Duration.ofMinutes(3)).prometheus().run().assertSucceeded();
        http = run.otlp().metric("http.server.request.duration");
        auth = run.otlp().metric("revisit.auth.duration");
    }

    @Test
    void routeIsTheContextPathAndVersionComesFromPathOrHeader() {
        assertTrue(run.stdout().contains("status v1 200 x" + JdkServer.V1), run.stdout());
        assertEquals(JdkServer.V1, http.withAttr("http.route", "/api/v1/items").withAttr("api.version", "v1")
                .withAttr("http.response.status_code", "200").withAttr("http.request.method", "GET").count(), http.toString());
        // That context has a user filter: the nested filter chain call is the same request.
        assertEquals(JdkServer.V2, http.withAttr("http.route", "/api/v2/items").withAttr("api.version", "v2").count());
        assertEquals(JdkServer.HEADER_VERSIONED, http.withAttr("http.route", "/items").withAttr("api.version", "2024-10").count());
        assertEquals(JdkServer.HEADER_GARBAGE, http.withAttr("http.route", "/items").withAttr("api.version", "other").count(),
                "a header value that is no version is folded, not exported");
        assertEquals(Set.of("/api/v1/items", "/api/v2/items", "/items", "/fail", "/jjwt", "/auth0", "/nimbus", "/password"),
                http.values("http.route"));
    }

    @Test
    void aHandlerThatThrowsHasItsErrorTypeAndNoStatus() {
        assertTrue(run.stdout().contains("status failing no-response x" + JdkServer.FAILING), run.stdout());
        Points failing = http.withAttr("http.route", "/fail");
        assertEquals(JdkServer.FAILING, failing.count());
        assertEquals(JdkServer.FAILING, failing.withAttr("error.type", "java.lang.IllegalStateException")
                .withoutAttr("http.response.status_code").count(), failing.toString());
    }

    @Test
    void everyJwtLibraryIsCountedInsideRequestsOnly() {
        assertTrue(run.stdout().contains("status nimbus-invalid 401 x" + PER_LIBRARY_INVALID), run.stdout());
        // JJWT, Auth0 and Nimbus; the verifications main() made before the server started are not request time.
        assertEquals(3 * PER_LIBRARY_VALID, auth.withAttr("auth.mechanism", "jwt").withAttr("auth.outcome", "success").count(), auth.toString());
        assertEquals(3 * PER_LIBRARY_INVALID, auth.withAttr("auth.mechanism", "jwt").withAttr("auth.outcome", "failure").count());
        assertEquals(JdkServer.PASSWORDS_GOOD, auth.withAttr("auth.mechanism", "password-hash").withAttr("auth.outcome", "success").count());
        assertEquals(JdkServer.PASSWORDS_BAD, auth.withAttr("auth.mechanism", "password-hash").withAttr("auth.outcome", "failure").count());
    }

    @Test
    void authTimeIsPartOfItsRequestsTime() {
        double passwords = auth.withAttr("auth.mechanism", "password-hash").sum();
        double passwordRequests = http.withAttr("http.route", "/password").sum();
        assertTrue(passwords > 0 && passwords <= passwordRequests, passwords + " s of hashing in " + passwordRequests + " s of requests");
        double jwt = auth.withAttr("auth.mechanism", "jwt").sum();
        double jwtRequests = http.withAttr("http.route", "/jjwt").sum() + http.withAttr("http.route", "/auth0").sum()
                + http.withAttr("http.route", "/nimbus").sum();
        assertTrue(jwt > 0 && jwt <= jwtRequests, jwt + " s of verification in " + jwtRequests + " s of requests");
    }

    @Test
    void theAgentsOwnEndpointIsNotARequestOfTheApplication() {
        assertEquals(0, run.prometheus().sum("http_server_active_requests"), "the scrape counted itself");
        assertTrue(run.prometheus().samples("http_server_request_duration_seconds_count").stream()
                .noneMatch(s -> "/metrics".equals(s.labels().get("http_route")) || "/".equals(s.labels().get("http_route"))));
    }
}
