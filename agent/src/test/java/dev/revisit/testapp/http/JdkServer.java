package dev.revisit.testapp.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK's {@code HttpServer} with handlers that verify JWTs with JJWT, Auth0 java-jwt and
 * Nimbus (directly, no Spring) and check a PBKDF2 password, driven by real HTTP requests.
 * The agent runs with {@code revisit.http.version.header=X-Api-Version}.
 */
public final class JdkServer {
    public static final String VERSION_HEADER = "X-Api-Version";
    public static final int V1 = 6;
    public static final int V2 = 3;
    public static final int HEADER_VERSIONED = 4;
    public static final int HEADER_GARBAGE = 2;
    public static final int FAILING = 3;
    public static final int PER_LIBRARY_VALID = 3;
    public static final int PER_LIBRARY_INVALID = 2;
    public static final int PASSWORDS_GOOD = 2;
    public static final int PASSWORDS_BAD = 1;
    public static final int OUTSIDE_REQUESTS = 5;

    private static final byte[] SECRET = "jdk-server-test-secret-32-bytes-long".getBytes(StandardCharsets.UTF_8);
    private static final SecretKey JJWT_KEY = Keys.hmacShaKeyFor(SECRET);
    private static final Algorithm AUTH0 = Algorithm.HMAC256(SECRET);
    private static final Pbkdf2PasswordEncoder PBKDF2 =
            new Pbkdf2PasswordEncoder("", 16, 10_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    private JdkServer() {}

    public static void main(String[] args) throws Exception {
        new JdkServer().run();
    }

    private void run() throws Exception {
        String stored = PBKDF2.encode("s3cret");
        String jjwt = Jwts.builder().subject("alice").signWith(JJWT_KEY).compact();
        String auth0 = JWT.create().withSubject("alice").sign(AUTH0);
        String nimbus = nimbusToken();
        // Verification outside any request: not request overhead, not counted.
        for (int i = 0; i < OUTSIDE_REQUESTS; i++) {
            Jwts.parser().verifyWith(JJWT_KEY).build().parseSignedClaims(jjwt);
            JWT.require(AUTH0).build().verify(auth0);
        }

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/items", ok());
        server.createContext("/api/v2/items", ok()).getFilters().add(passThrough());
        server.createContext("/items", ok());
        server.createContext("/fail", exchange -> {
            throw new IllegalStateException("handler failed");
        });
        server.createContext("/jjwt", verifying(token -> Jwts.parser().verifyWith(JJWT_KEY).build().parseSignedClaims(token)));
        server.createContext("/auth0", verifying(token -> JWT.require(AUTH0).build().verify(token)));
        server.createContext("/nimbus", verifying(token -> {
            if (!SignedJWT.parse(token).verify(new MACVerifier(SECRET))) {
                throw new SecurityException("bad signature");
            }
        }));
        server.createContext("/password", exchange -> {
            String given = exchange.getRequestHeaders().getFirst("X-Password");
            respond(exchange, PBKDF2.matches(given, stored) ? 200 : 403);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            for (int i = 0; i < V1; i++) {
                send("v1", "/api/v1/items/" + i, Map.of());
            }
            for (int i = 0; i < V2; i++) {
                send("v2", "/api/v2/items/" + i, Map.of());
            }
            for (int i = 0; i < HEADER_VERSIONED; i++) {
                send("header", "/items", Map.of(VERSION_HEADER, "2024-10"));
            }
            for (int i = 0; i < HEADER_GARBAGE; i++) {
                send("garbage-header", "/items", Map.of(VERSION_HEADER, "../../etc/passwd"));
            }
            for (int i = 0; i < FAILING; i++) {
                sendOnce("failing", "/fail");
            }
            for (int i = 0; i < PER_LIBRARY_VALID; i++) {
                send("jjwt-valid", "/jjwt", Map.of("Authorization", jjwt));
                send("auth0-valid", "/auth0", Map.of("Authorization", auth0));
                send("nimbus-valid", "/nimbus", Map.of("Authorization", nimbus));
            }
            for (int i = 0; i < PER_LIBRARY_INVALID; i++) {
                send("jjwt-invalid", "/jjwt", Map.of("Authorization", jjwt + "x"));
                send("auth0-invalid", "/auth0", Map.of("Authorization", "not-a-token"));
                send("nimbus-invalid", "/nimbus", Map.of("Authorization", tamper(nimbus)));
            }
            for (int i = 0; i < PASSWORDS_GOOD; i++) {
                send("password-good", "/password", Map.of("X-Password", "s3cret"));
            }
            for (int i = 0; i < PASSWORDS_BAD; i++) {
                send("password-bad", "/password", Map.of("X-Password", "guess"));
            }
        } finally {
            server.stop(0);
        }
        seen.forEach((k, v) -> System.out.println("status " + k + " x" + v));
    }

    private void send(String label, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            note(label, client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException noResponse) {
            note(label, "no-response");
        }
    }

    /** Over a plain socket: the JDK client would retry a GET whose connection closed without a response. */
    private void sendOnce(String label, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            note(label, answer.length == 0 ? "no-response" : new String(answer, 9, 3, StandardCharsets.US_ASCII));
        }
    }

    private void note(String label, Object status) {
        seen.merge(label + " " + status, 1, Integer::sum);
    }

    private static HttpHandler ok() {
        return exchange -> respond(exchange, 200);
    }

    private static Filter passThrough() {
        return Filter.beforeHandler("no-op", exchange -> { });
    }

    interface Verification {
        void verify(String token) throws Exception;
    }

    private static HttpHandler verifying(Verification verification) {
        return exchange -> {
            int status;
            try {
                verification.verify(exchange.getRequestHeaders().getFirst("Authorization"));
                status = 200;
            } catch (Exception rejected) {
                status = 401;
            }
            respond(exchange, status);
        };
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String nimbusToken() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().subject("alice").expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    /** Same header and claims, one signature character changed (not the last, whose low bits are padding). */
    private static String tamper(String token) {
        int i = token.length() - 10;
        char c = token.charAt(i);
        return token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
    }
}
