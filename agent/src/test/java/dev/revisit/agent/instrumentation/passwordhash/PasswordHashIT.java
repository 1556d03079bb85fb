package dev.revisit.agent.instrumentation.passwordhash;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.passwordhash.PasswordCheckers;
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
 * One child JVM checking passwords with every real hasher inside JDK {@code HttpServer}
 * requests ({@link PasswordCheckers}); per hasher, what the agent recorded during that phase
 * alone (read from its own Prometheus endpoint) against what the program caused and timed.
 */
class PasswordHashIT {
    private static final Pattern PHASE = Pattern.compile("phase (\\S+) caused (\\d+) (\\d+) (\\d+) agent (\\d+) (\\d+) (\\S+)");
    /** The agent times the call from inside it; the program from around it: the same span up to the advice and two clock reads. */
    private static final double TOLERANCE = 0.10;
    private static final long TOLERANCE_NANOS = 5_000_000;

    private static AgentRun run;
    private static Map<String, Phase> phases;

    record Phase(long good, long bad, long callNanos, long success, long failure, double seconds) {}

    @BeforeAll
    static void runCheckers() {
        run = AgentHarness.builder(PasswordCheckers.class).timeout(Duration.ofMinutes(3)).prometheus().run().assertSucceeded();
        phases = new LinkedHashMap<>();
        Matcher m = PHASE.matcher(run.stdout());
        while (m.find()) {
            phases.put(m.group(1), new Phase(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Double.parseDouble(m.group(7))));
        }
    }

    @Test
    void everyHasherCountsEachCheckOnceWithItsOutcome() {
        assertEquals(List.of("bcrypt", "argon2", "scrypt", "pbkdf2", "delegating", "delegating-legacy", "jbcrypt", PasswordCheckers.HASHING_PHASE),
                List.copyOf(phases.keySet()), run.stdout());
        phases.forEach((name, p) -> {
            assertEquals(p.good(), p.success(), name + ": successes, " + p);
            assertEquals(p.bad(), p.failure(), name + ": failures (wrong password), " + p);
        });
    }

    @Test
    void recordedTimeIsTheMeasuredTimeOfTheCalls() {
        phases.forEach((name, p) -> {
            if (name.equals(PasswordCheckers.HASHING_PHASE)) {
                return; // timed by the program, not by the agent: see below
            }
            long agentNanos = Math.round(p.seconds() * 1e9);
            long allowed = (long) (p.callNanos() * TOLERANCE) + TOLERANCE_NANOS;
            assertTrue(Math.abs(agentNanos - p.callNanos()) <= allowed,
                    name + ": agent " + agentNanos + " ns vs program-measured " + p.callNanos() + " ns (allowed ±" + allowed + ")");
        });
        assertTrue(phases.get("bcrypt").seconds() > 0, "a BCrypt check takes measurable time");
    }

    @Test
    void hashingANewPasswordIsNotAnAuthenticationAttempt() {
        Phase hashing = phases.get(PasswordCheckers.HASHING_PHASE);
        assertEquals(0, hashing.success() + hashing.failure(), hashing.toString());
        assertTrue(hashing.callNanos() > 0);
    }

    @Test
    void checksOutsideRequestsAreNotExported() {
        Points auth = run.otlp().metric("revisit.auth.duration").withAttr("auth.mechanism", "password-hash");
        long hashers = phases.size() - 1;
        assertEquals(hashers * PasswordCheckers.GOOD, auth.withAttr("auth.outcome", "success").count(), auth.toString());
        assertEquals(hashers * PasswordCheckers.BAD, auth.withAttr("auth.outcome", "failure").count(), auth.toString());
        double requests = run.otlp().metric("http.server.request.duration").withAttr("http.route", "/login").sum();
        assertTrue(auth.sum() > 0 && auth.sum() <= requests, auth.sum() + " s of checks in " + requests + " s of requests");
    }
}
