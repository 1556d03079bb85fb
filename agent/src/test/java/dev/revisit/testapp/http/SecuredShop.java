package dev.revisit.testapp.http;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An embedded servlet container ({@link ShopContainer}: Tomcat unless {@code -Dshop.container} says
 * otherwise) running Spring MVC behind Spring Security (JWT resource server on {@code /api/**}, BCrypt
 * form login elsewhere) and a plain servlet ({@link RawServlet}), driven by real HTTP requests from this
 * program. Prints one {@code status <label> <code> x<count>} line per kind of request sent,
 * so the test can check the program saw what it meant to cause.
 */
public final class SecuredShop {
    static final byte[] JWT_SECRET = "revisit-test-secret-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
    public static final long JWT_SLEEP_MS = 30;
    public static final long HASH_SLEEP_MS = 30;
    public static final long HANDLER_SLEEP_MS = 30;
    public static final long HANG_TIMEOUT_MS = 100;
    /** The test runs the agent with this export interval, so the warm-up ends up in an export of its own. */
    public static final long EXPORT_INTERVAL_MS = 500;
    public static final int WARMUP_REQUESTS = 13;

    public static final int V1_ORDERS = 10;
    public static final int V2_ORDERS = 5;
    public static final int MALFORMED_TOKENS = 3;
    public static final int FORGED_TOKENS = 2;
    public static final int NO_TOKEN = 2;
    public static final int THROWING = 2;
    public static final int ASYNC = 3;
    public static final int GOOD_LOGINS = 2;
    public static final int BAD_LOGINS = 3;
    public static final int PUBLIC = 2;
    public static final int RAW_ASYNC = 2;
    public static final int RAW_THROWING = 2;
    public static final int RAW_MISSING = 2;
    public static final int HANGING = 100;
    /**
     * With {@code -Dshop.introspection=spring} (Spring's introspector) or {@code nimbus} (Nimbus'): opaque tokens
     * checked by a local RFC 7662 endpoint.
     */
    public static final int OPAQUE_OK = 4;
    public static final int OPAQUE_REVOKED = 2;
    public static final long INTROSPECT_SLEEP_MS = 30;
    static final String GOOD_OPAQUE = "good-opaque-token";
    static final String INTROSPECTOR = System.getProperty("shop.introspection", "none");
    static final boolean INTROSPECTION = !INTROSPECTOR.equals("none");
    static final String CONTAINER = System.getProperty("shop.container", "Tomcat");
    /** With {@code -Dshop.observed=true}: the application configures Micrometer's ObservationRegistry. */
    static final boolean OBSERVED = Boolean.getBoolean("shop.observed");
    static volatile String introspectionUri;

    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private HttpClient client;
    private String base;

    private SecuredShop() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("hang")) {
            new SecuredShop().hang();
        } else {
            new SecuredShop().traffic();
        }
    }

    private void traffic() throws Exception {
        Path dir = Files.createTempDirectory("secured-shop");
        AutoCloseable introspection = INTROSPECTION ? IntrospectionEndpoint.start() : () -> { };
        ShopContainer container = ShopContainer.named(CONTAINER);
        base = "http://127.0.0.1:" + container.start(dir, null, (classes, context) -> setUp(context));
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String token = token(JWT_SECRET);
            String forged = token("another-secret-that-is-32-bytes-long".getBytes(StandardCharsets.UTF_8));
            // One of each first: class loading and JIT make first requests slow, in the auth steps and around them.
            // The test measures over the window after this warm-up, as the collector does over its window.
            traffic(token, forged, 1);
            seen.clear();
            System.out.println("warmed up after " + WARMUP_REQUESTS + " requests");
            Thread.sleep(EXPORT_INTERVAL_MS * 3);
            traffic(token, forged, 0);
            Thread.sleep(EXPORT_INTERVAL_MS * 3);
            seen.forEach((k, v) -> System.out.println("status " + k + " x" + v));
        } finally {
            container.stop();
            introspection.close();
        }
    }

    /** Sends every kind of request {@code times} times, or the counts the constants give when 0. */
    private void traffic(String token, String forged, int times) throws Exception {
        for (int i = 0; i < count(times, V1_ORDERS); i++) {
            get("v1-order", "/api/v1/orders/" + i, token);
        }
        for (int i = 0; i < count(times, V2_ORDERS); i++) {
            get("v2-order", "/api/v2/orders/" + i, token);
        }
        for (int i = 0; i < count(times, MALFORMED_TOKENS); i++) {
            get("malformed", "/api/v1/orders/1", "not.a-jwt");
        }
        for (int i = 0; i < count(times, FORGED_TOKENS); i++) {
            get("forged", "/api/v1/orders/1", forged);
        }
        for (int i = 0; i < count(times, NO_TOKEN); i++) {
            get("no-token", "/api/v1/orders/1", null);
        }
        for (int i = 0; i < count(times, THROWING); i++) {
            get("throwing", "/api/v1/boom", token);
        }
        for (int i = 0; i < count(times, ASYNC); i++) {
            get("async", "/api/v1/later/" + i, token);
        }
        for (int i = 0; i < count(times, GOOD_LOGINS); i++) {
            login("good-login", "wonderland");
        }
        for (int i = 0; i < count(times, BAD_LOGINS); i++) {
            login("bad-login", "looking-glass");
        }
        for (int i = 0; i < count(times, PUBLIC); i++) {
            get("public", "/public/hello", null);
        }
        for (int i = 0; i < count(times, RAW_ASYNC); i++) {
            get("raw-async", "/raw/v3/later", null);
        }
        for (int i = 0; i < count(times, RAW_THROWING); i++) {
            get("raw-throwing", "/raw/boom", null);
        }
        for (int i = 0; i < count(times, RAW_MISSING); i++) {
            get("raw-missing", "/raw/missing/" + i, null);
        }
        for (int i = 0; INTROSPECTION && i < count(times, OPAQUE_OK); i++) {
            get("opaque-ok", "/opaque/v1/things/" + i, GOOD_OPAQUE);
        }
        for (int i = 0; INTROSPECTION && i < count(times, OPAQUE_REVOKED); i++) {
            get("opaque-revoked", "/opaque/v1/things/" + i, "revoked-opaque-token");
        }
    }

    private static int count(int times, int constant) {
        return times > 0 ? times : constant;
    }

    /** Requests that never complete: async started, never completed, ended by the container's timeout; sent all at once. */
    private void hang() throws Exception {
        Path dir = Files.createTempDirectory("secured-shop");
        ShopContainer container = ShopContainer.named(CONTAINER);
        base = "http://127.0.0.1:" + container.start(dir, null, (classes, context) -> setUp(context));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
            for (int i = 0; i < HANGING; i++) {
                // Every other client gives up long before the server does: an aborted request.
                Duration patience = i % 2 == 0 ? Duration.ofMillis(500) : Duration.ofSeconds(30);
                sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/raw/hang")).timeout(patience).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> response : sent) {
                try {
                    note("hanging", response.get().statusCode());
                } catch (ExecutionException e) {
                    note("hanging", "aborted");
                }
            }
            Thread.sleep(2 * 1000 + HANG_TIMEOUT_MS); // the container checks async timeouts once a second
            // A client that gave up early may have closed its connection before the servlet ran.
            System.out.println("dispatched " + RawServlet.DISPATCHED.get());
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            seen.forEach((k, v) -> System.out.println("status " + k + " x" + v));
        } finally {
            // Stopped before the scrape: what stays in flight now is state the agent leaked.
            container.stop();
        }
    }

    /** The shop's web application, registered through the Servlet API: the same on every container. */
    private static void setUp(ServletContext context) {
        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.register(SecuredShopConfig.class);
        try {
            // By name: neither exists in every build of this program (Spring Security 7.0 has no Nimbus introspector,
            // the 5.8 build no Micrometer).
            if (INTROSPECTION) {
                web.register(Class.forName(INTROSPECTOR.equals("nimbus") ? "dev.revisit.testapp.http.NimbusIntrospectedShopConfig"
                        : "dev.revisit.testapp.http.IntrospectedShopConfig"));
            }
            if (OBSERVED) {
                web.register(Class.forName("dev.revisit.testapp.http.ObservedShopConfig"));
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not compiled into this build of the program", e);
        }
        web.setServletContext(context);
        web.refresh();

        ServletRegistration.Dynamic dispatcher = context.addServlet("dispatcher", new DispatcherServlet(web));
        dispatcher.setLoadOnStartup(1);
        dispatcher.setAsyncSupported(true);
        dispatcher.addMapping("/");
        ServletRegistration.Dynamic raw = context.addServlet("raw", new RawServlet());
        raw.setAsyncSupported(true);
        raw.addMapping("/raw/*");

        FilterRegistration.Dynamic security = context.addFilter("springSecurityFilterChain",
                new DelegatingFilterProxy("springSecurityFilterChain", web));
        security.setAsyncSupported(true);
        security.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR), false, "/*");
    }

    private void get(String label, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        note(label, client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private void login(String label, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=" + password)).build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        note(label, response.statusCode() + response.headers().firstValue("Location").map(l -> l.contains("error") ? "-error" : "-ok").orElse(""));
    }

    private void note(String label, Object status) {
        seen.merge(label + " " + status, 1, Integer::sum);
    }

    private static String token(byte[] secret) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice")
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(Arrays.copyOf(secret, secret.length)));
        return jwt.serialize();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
