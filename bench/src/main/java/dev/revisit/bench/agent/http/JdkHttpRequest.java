package dev.revisit.bench.agent.http;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Filter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JDK {@code HttpServer} request through the server's own {@code Filter.Chain} (in memory,
 * no socket), one such request whose handler verifies a JWT with Nimbus, and one Nimbus
 * verification outside any request. Run with and without the agent
 * ({@code bench/scripts/agent-http.sh}); the differences are what the agent adds:
 * per request, per verification inside a request, per verification elsewhere.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdkHttpRequest {
    private static final byte[] SECRET = "bench-secret-that-is-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    private InMemoryExchange plain;
    private InMemoryExchange verifying;
    private SignedJWT token;
    private MACVerifier verifier;

    @Setup
    public void setUp() throws Exception {
        awaitAgent();
        SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("alice").build());
        signed.sign(new MACSigner(SECRET));
        token = SignedJWT.parse(signed.serialize());
        verifier = new MACVerifier(SECRET);
        plain = new InMemoryExchange(exchange -> exchange.sendResponseHeaders(200, -1));
        verifying = new InMemoryExchange(exchange -> {
            try {
                exchange.sendResponseHeaders(token.verify(verifier) ? 200 : 401, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
    }

    @Benchmark
    public int request() throws Exception {
        plain.reset();
        new Filter.Chain(List.of(), plain.handler()).doFilter(plain);
        return plain.getResponseCode();
    }

    @Benchmark
    public int requestVerifyingJwt() throws Exception {
        verifying.reset();
        new Filter.Chain(List.of(), verifying.handler()).doFilter(verifying);
        return verifying.getResponseCode();
    }

    @Benchmark
    public boolean jwtOutsideRequest() throws Exception {
        return token.verify(verifier);
    }

    /** The agent installs off the main thread: never time an uninstrumented run by accident. */
    private static void awaitAgent() throws Exception {
        try {
            Class<?> status = Class.forName("dev.revisit.agent.bootstrap.AgentStatus", true, null);
            if (!Boolean.TRUE.equals(status.getMethod("awaitInstalled", long.class).invoke(null, 120_000L))) {
                throw new IllegalStateException("the agent did not install within 120 s");
            }
        } catch (ClassNotFoundException noAgent) {
            // the baseline
        }
    }
}
