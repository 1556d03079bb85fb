package dev.revisit.testapp.passwordhash;

import com.sun.net.httpserver.HttpServer;
import dev.revisit.testapp.auth.AuthScrape;
import org.mindrot.jbcrypt.BCrypt;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password checks by each real hasher (Spring Security's BCrypt, Argon2, SCrypt, PBKDF2 and
 * delegating encoders, jBCrypt) inside JDK {@code HttpServer} requests, {@link #GOOD} with the
 * right password and {@link #BAD} with a wrong one per hasher, then a phase that only hashes
 * new passwords inside requests. The handler times its own calls with {@code nanoTime}; after
 * each phase the program prints what it caused next to what the agent recorded meanwhile:
 * <pre>phase bcrypt caused 3 2 41234567 agent 3 2 0.04102</pre>
 * (successes, failures, wall nanos of the calls; the agent's successes, failures, seconds).
 * Every password is also hashed and checked once before the server starts: outside a request.
 * Work factors are the lowest each encoder accepts, to keep the run short.
 */
public final class PasswordCheckers {
    public static final int GOOD = 3;
    public static final int BAD = 2;
    public static final String HASHING_PHASE = "hashing";
    private static final String PASSWORD = "correct horse";

    private final Map<String, Checker> checkers = new LinkedHashMap<>();
    private final AtomicLong callNanos = new AtomicLong();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    /** Checks a password against what was stored at start-up; true when it matched. */
    interface Checker {
        boolean check(String password);
    }

    private PasswordCheckers() {}

    public static void main(String[] args) throws Exception {
        new PasswordCheckers().run();
    }

    private void run() throws Exception {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 1 << 10, 1);
        SCryptPasswordEncoder scrypt = new SCryptPasswordEncoder(1 << 10, 8, 1, 32, 16);
        Pbkdf2PasswordEncoder pbkdf2 = new Pbkdf2PasswordEncoder("", 16, 1_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        PasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of("bcrypt", bcrypt, "argon2", argon2, "pbkdf2", pbkdf2));
        register("bcrypt", bcrypt);
        register("argon2", argon2);
        register("scrypt", scrypt);
        register("pbkdf2", pbkdf2);
        register("delegating", delegating);
        // A user from before the move to Argon2: the delegating encoder hands it to BCrypt.
        String legacy = "{bcrypt}" + bcrypt.encode(PASSWORD);
        checkers.put("delegating-legacy", given -> delegating.matches(given, legacy));
        String jbcrypt = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
        checkers.put("jbcrypt", given -> BCrypt.checkpw(given, jbcrypt));
        checkers.values().forEach(c -> c.check(PASSWORD)); // outside any request: not counted

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login", exchange -> {
            Checker checker = checkers.get(exchange.getRequestURI().getQuery());
            String given = exchange.getRequestHeaders().getFirst("X-Password");
            long start = System.nanoTime();
            boolean matched = checker.check(given);
            callNanos.addAndGet(System.nanoTime() - start);
            exchange.sendResponseHeaders(matched ? 204 : 401, -1);
            exchange.close();
        });
        server.createContext("/register", exchange -> {
            long start = System.nanoTime();
            bcrypt.encode(PASSWORD);
            argon2.encode(PASSWORD);
            scrypt.encode(PASSWORD);
            pbkdf2.encode(PASSWORD);
            delegating.encode(PASSWORD);
            BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
            callNanos.addAndGet(System.nanoTime() - start);
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            for (String name : checkers.keySet()) {
                phase(name, () -> {
                    for (int i = 0; i < GOOD; i++) {
                        expect(204, "/login?" + name, PASSWORD);
                    }
                    for (int i = 0; i < BAD; i++) {
                        expect(401, "/login?" + name, PASSWORD + "!");
                    }
                }, GOOD, BAD);
            }
            phase(HASHING_PHASE, () -> expect(201, "/register", PASSWORD), 0, 0);
        } finally {
            server.stop(0);
        }
    }

    private void register(String name, PasswordEncoder encoder) {
        String stored = encoder.encode(PASSWORD);
        checkers.put(name, given -> encoder.matches(given, stored));
    }

    interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase work, int good, int bad) throws Exception {
        AuthScrape before = AuthScrape.of("password-hash");
        callNanos.set(0);
        work.run();
        AuthScrape agent = AuthScrape.of("password-hash").minus(before);
        System.out.println("phase " + name + " caused " + good + " " + bad + " " + callNanos.get()
                + " agent " + agent.success() + " " + agent.failure() + " " + agent.seconds());
    }

    private void expect(int status, String path, String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Password", password)
                .timeout(Duration.ofSeconds(30)).build();
        int got = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (got != status) {
            throw new IllegalStateException(path + " answered " + got + ", expected " + status);
        }
    }
}
