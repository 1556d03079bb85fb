package dev.revisit.agent.instrumentation.jwt;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.jwt.JwtVerifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid, expired, badly signed and malformed tokens verified inside requests by Nimbus, JJWT,
 * Auth0 java-jwt and Spring's {@code NimbusJwtDecoder} ({@link JwtVerifiers}): per library,
 * what the agent recorded during that phase alone against what the program caused; and what
 * each verification did, against a run without the agent.
 */
class JwtVerificationIT {
    private static final Pattern PHASE = Pattern.compile("phase (\\S+) caused (\\d+) (\\d+) agent (\\d+) (\\d+)");

    private static AgentRun withAgent;
    private static AgentRun without;

    @BeforeAll
    static void runVerifiers() {
        withAgent = AgentHarness.builder(JwtVerifiers.class).timeout(Duration.ofMinutes(3)).prometheus().run().assertSucceeded();
        without = AgentHarness.builder(JwtVerifiers.class).withoutAgent().timeout(Duration.ofMinutes(2)).run().assertSucceeded();
    }

    @Test
    void eachLibraryCountsEachVerificationOnceWithItsOutcome() {
        Map<String, long[]> phases = new LinkedHashMap<>();
        Matcher m = PHASE.matcher(withAgent.stdout());
        while (m.find()) {
            phases.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5))});
        }
        assertEquals(List.of("nimbus", "nimbus-jws", "jjwt", "auth0", "spring"), List.copyOf(phases.keySet()), withAgent.stdout());
        phases.forEach((library, p) -> {
            assertEquals(p[0], p[2], library + ": valid tokens counted as success (a decoder around a processor around a check is one)");
            assertEquals(p[1], p[3], library + ": expired, badly signed and malformed tokens counted as failure");
        });
    }

    @Test
    void verificationsOutsideRequestsAreNotExported() {
        Points jwt = withAgent.otlp().metric("revisit.auth.duration").withAttr("auth.mechanism", "jwt");
        assertEquals(5 * JwtVerifiers.VALID, jwt.withAttr("auth.outcome", "success").count(), jwt.toString());
        assertEquals((4 * 3 + 2) * JwtVerifiers.EACH_INVALID, jwt.withAttr("auth.outcome", "failure").count(), jwt.toString());
        double requests = withAgent.otlp().metric("http.server.request.duration").withAttr("http.route", "/verify").sum();
        assertTrue(jwt.sum() > 0 && jwt.sum() <= requests, jwt.sum() + " s of verification in " + requests + " s of requests");
    }

    @Test
    void everyVerificationBehavesAsWithoutTheAgent() {
        List<String> cases = cases(withAgent);
        assertEquals(5 * 4 - 1, cases.size(), withAgent.stdout());
        assertTrue(cases.stream().anyMatch(c -> c.startsWith("case jjwt expired 401 io.jsonwebtoken.ExpiredJwtException")), cases.toString());
        assertEquals(cases(without), cases);
    }

    private static List<String> cases(AgentRun run) {
        return run.stdout().lines().filter(l -> l.startsWith("case ")).toList();
    }
}
