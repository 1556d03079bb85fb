package dev.revisit.testapp.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
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
import com.sun.net.httpserver.HttpServer;
import dev.revisit.testapp.auth.AuthScrape;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * HS256 tokens — valid, expired, with a bad signature, malformed — verified inside JDK
 * {@code HttpServer} requests by each real library: Nimbus' processor, Nimbus' {@code SignedJWT}
 * directly, JJWT, Auth0 java-jwt, and Spring Security's {@code NimbusJwtDecoder} (a decoder
 * around Nimbus' processor around its signature check: one verification). After each
 * library's phase it prints what it caused next to what the agent recorded meanwhile,
 * <pre>phase jjwt caused 3 6 agent 3 6</pre>
 * and, once per library and token, what the verification did (the exception's class and its
 * message with digits masked, as it must be the same with and without the agent):
 * <pre>case jjwt expired 401 io.jsonwebtoken.ExpiredJwtException: JWT expired # milliseconds ago…</pre>
 */
public final class JwtVerifiers {
    public static final int VALID = 3;
    public static final int EACH_INVALID = 2;
    private static final byte[] SECRET = "jwt-verifiers-test-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);

    /** Verifies a token; throws when it is rejected. */
    interface Verifier {
        void verify(String token) throws Exception;
    }

    private final Map<String, Verifier> verifiers = new LinkedHashMap<>();
    private final TreeSet<String> cases = new TreeSet<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private JwtVerifiers() {}

    public static void main(String[] args) throws Exception {
        new JwtVerifiers().run();
    }

    private void run() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(SECRET)));
        MACVerifier mac = new MACVerifier(SECRET);
        JwtDecoder spring = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256")).build();
        verifiers.put("nimbus", token -> processor.process(token, null));
        verifiers.put("nimbus-jws", token -> {
            if (!SignedJWT.parse(token).verify(mac)) {
                throw new SecurityException("bad signature");
            }
        });
        verifiers.put("jjwt", token -> Jwts.parser().verifyWith(Keys.hmacShaKeyFor(SECRET)).build().parseSignedClaims(token));
        verifiers.put("auth0", token -> JWT.require(Algorithm.HMAC256(SECRET)).build().verify(token));
        verifiers.put("spring", spring::decode);

        long hour = 3_600_000;
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("valid", token(SECRET, hour));
        tokens.put("expired", token(SECRET, -hour));
        tokens.put("bad-signature", token(OTHER_SECRET, hour));
        tokens.put("malformed", "not-a-token");
        for (Verifier v : verifiers.values()) {
            v.verify(tokens.get("valid")); // outside any request: not counted
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/verify", exchange -> {
            String[] query = exchange.getRequestURI().getQuery().split("&");
            String outcome;
            int status;
            try {
                verifiers.get(query[0]).verify(tokens.get(query[1]));
                status = 200;
                outcome = "verified";
            } catch (Exception rejected) {
                status = 401;
                outcome = rejected.getClass().getName() + ": " + String.valueOf(rejected.getMessage()).replaceAll("[0-9]+", "#");
            }
            synchronized (cases) {
                cases.add("case " + query[0] + " " + query[1] + " " + status + " " + outcome);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            for (String library : verifiers.keySet()) {
                // Nimbus' SignedJWT.verify checks the signature only: expiry is the caller's to check.
                List<String> invalid = library.equals("nimbus-jws") ? List.of("bad-signature", "malformed") : List.of("expired", "bad-signature", "malformed");
                AuthScrape before = AuthScrape.of("jwt");
                for (int i = 0; i < VALID; i++) {
                    send(library, "valid");
                }
                for (String kind : invalid) {
                    for (int i = 0; i < EACH_INVALID; i++) {
                        send(library, kind);
                    }
                }
                AuthScrape agent = AuthScrape.of("jwt").minus(before);
                System.out.println("phase " + library + " caused " + VALID + " " + invalid.size() * EACH_INVALID
                        + " agent " + agent.success() + " " + agent.failure());
            }
        } finally {
            server.stop(0);
        }
        cases.forEach(System.out::println);
    }

    private void send(String library, String kind) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(base + "/verify?" + library + "&" + kind)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static String token(byte[] secret, long expiresInMillis) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("alice")
                .issueTime(new Date(System.currentTimeMillis() - 2 * Math.abs(expiresInMillis)))
                .expirationTime(new Date(System.currentTimeMillis() + expiresInMillis)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
