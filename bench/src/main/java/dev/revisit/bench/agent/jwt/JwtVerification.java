package dev.revisit.bench.agent.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.JWTVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.Filter;
import dev.revisit.bench.agent.http.InMemoryExchange;
import dev.revisit.bench.agent.startup.AgentProbe;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the agent adds to one HS256 JWT verification. The agent counts verifications only
 * inside HTTP server requests, so each invocation is one in-memory JDK {@code HttpServer}
 * request (the server's own {@code Filter.Chain}, no socket) whose handler verifies
 * {@value #BATCH} tokens; scores are per verification. {@code library=none} verifies nothing:
 * its added time is the request's share per verification, to subtract.
 * <ul>
 *   <li>{@code nimbus}: {@code SignedJWT.verify(MACVerifier)} on a parsed token — the cheapest;</li>
 *   <li>{@code nimbus-processor}: {@code DefaultJWTProcessor.process(String)} — parse, claims
 *       check and signature check: five instrumented calls nested, one verification recorded;</li>
 *   <li>{@code jjwt}: a reused {@code JwtParser.parseSignedClaims}; {@code auth0}: a reused {@code JWTVerifier.verify}.</li>
 * </ul>
 * {@code bare} and {@code withAgent} run in separate forks of the same run. From the repository
 * root, after building the agent and bench/ ({@code bench/scripts/agent-jwt.sh} runs and summarises it):
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar agent.jwt.JwtVerification -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JwtVerification {
    static final int BATCH = 200;
    private static final byte[] SECRET = "bench-secret-that-is-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    @Param({"none", "nimbus", "nimbus-processor", "jjwt", "auth0"})
    public String library;

    /** One verification; returns something derived from the result, so that it is not optimised away. */
    interface Verification {
        int verify() throws Exception;
    }

    private InMemoryExchange exchange;
    private int sink;

    @Setup
    public void setUp() throws Exception {
        // Timing before the agent finished installing would time an uninstrumented library.
        AgentProbe.awaitInstalled(180_000);
        SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("alice")
                .expirationTime(new Date(System.currentTimeMillis() + 86_400_000L)).build());
        signed.sign(new MACSigner(SECRET));
        String token = signed.serialize();
        Verification verification = verification(token);
        if (verification.verify() == 0) {
            throw new IllegalStateException(library + " rejected a valid token");
        }
        exchange = new InMemoryExchange(ex -> {
            int s = 0;
            try {
                for (int i = 0; i < BATCH; i++) {
                    s += verification.verify();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sink += s;
            ex.sendResponseHeaders(200, -1);
        });
    }

    private Verification verification(String token) throws Exception {
        switch (library) {
            case "none":
                return () -> 1;
            case "nimbus": {
                SignedJWT parsed = SignedJWT.parse(token);
                MACVerifier verifier = new MACVerifier(SECRET);
                return () -> parsed.verify(verifier) ? 1 : 0;
            }
            case "nimbus-processor": {
                DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(SECRET)));
                return () -> processor.process(token, null).getSubject().length();
            }
            case "jjwt": {
                JwtParser parser = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(SECRET)).build();
                return () -> parser.parseSignedClaims(token).getPayload().getSubject().length();
            }
            case "auth0": {
                JWTVerifier verifier = JWT.require(Algorithm.HMAC256(SECRET)).build();
                return () -> verifier.verify(token).getSubject().length();
            }
            default:
                throw new IllegalArgumentException(library);
        }
    }

    @Benchmark
    @Fork(1)
    @OperationsPerInvocation(BATCH)
    public int bare() throws Exception {
        return request();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    @OperationsPerInvocation(BATCH)
    public int withAgent() throws Exception {
        return request();
    }

    /** The agent attached, its {@code jwt} instrumentation off: what the agent costs a verification besides the jwt advice. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false",
            "-Drevisit.instrumentation.jwt.enabled=false"})
    @OperationsPerInvocation(BATCH)
    public int withAgentJwtOff() throws Exception {
        return request();
    }

    private int request() throws Exception {
        exchange.reset();
        new Filter.Chain(List.of(), exchange.handler()).doFilter(exchange);
        return exchange.getResponseCode() + sink;
    }
}
