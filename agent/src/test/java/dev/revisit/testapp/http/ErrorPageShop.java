package dev.revisit.testapp.http;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded servlet container ({@link ShopContainer}: Tomcat unless {@code -Dshop.container} says otherwise) with a
 * default error page, as Spring Boot registers one ({@code /error}): every error is dispatched to it after the
 * request's own dispatch returned, through the same filter chain. Sends {@link RawServlet} requests that throw,
 * answer 404, complete async, and are timed out by the container (to the error page, or answered by the
 * application's own listener); and to a second container of the same kind without an error page, requests that it
 * times out (on {@code /raw/v5/}). Prints what it got and how often the error page ran.
 */
public final class ErrorPageShop {
    public static final int THROWING = 3;
    public static final int MISSING = 3;
    public static final int COMPLETED = 2;
    /** Async requests the container times out: left to the container (and so to the error page)... */
    public static final int TIMED_OUT = 2;
    /** ...or answered by the application's listener when they time out. */
    public static final int TIMED_OUT_ANSWERED = 2;
    /** Timed out by the container without an error page. */
    public static final int TIMED_OUT_PLAIN = 2;
    public static final int TIMEOUT_STATUS = RawServlet.TIMEOUT_STATUS;
    public static final long TIMEOUT_MS = RawServlet.TIMEOUT_MS;
    static final AtomicInteger ERROR_PAGES = new AtomicInteger();

    private ErrorPageShop() {}

    public static void main(String[] args) throws Exception {
        String kind = System.getProperty("shop.container", "Tomcat");
        ShopContainer container = ShopContainer.named(kind);
        ShopContainer plain = ShopContainer.named(kind);
        String base = "http://127.0.0.1:" + container.start(Files.createTempDirectory("error-page-shop"), "/oops",
                (classes, context) -> setUp(context));
        String plainBase = "http://127.0.0.1:" + plain.start(Files.createTempDirectory("error-page-shop"), null,
                (classes, context) -> setUp(context));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> seen = new TreeMap<>();
        try {
            send(client, base + "/raw/boom", THROWING, "throwing", seen);
            send(client, base + "/raw/missing", MISSING, "missing", seen);
            send(client, base + "/raw/v3/later", COMPLETED, "completed", seen);
            // At once: each waits for the container's timeout, which Tomcat checks once a second.
            List<CompletableFuture<Void>> timeouts = new ArrayList<>();
            timeouts.addAll(sendAsync(client, base + "/raw/v4/timeout", TIMED_OUT, "timeout", seen));
            timeouts.addAll(sendAsync(client, base + "/raw/v4/timeout-answered", TIMED_OUT_ANSWERED, "timeout-answered", seen));
            timeouts.addAll(sendAsync(client, plainBase + "/raw/v5/timeout", TIMED_OUT_PLAIN, "timeout-plain", seen));
            CompletableFuture.allOf(timeouts.toArray(CompletableFuture[]::new)).join();
            seen.forEach((k, v) -> System.out.println("status " + k + " x" + v));
            System.out.println("error pages " + ERROR_PAGES.get());
        } finally {
            // Stopped before the scrape: what stays in flight now is state the agent leaked.
            container.stop();
            plain.stop();
        }
    }

    private static void setUp(ServletContext context) {
        context.addServlet("raw", new RawServlet()).setAsyncSupported(true);
        context.getServletRegistration("raw").addMapping("/raw/*");
        context.addServlet("oops", new ErrorPageServlet()).addMapping("/oops");
    }

    private static void send(HttpClient client, String url, int times, String label, Map<String, Integer> seen) throws Exception {
        for (int i = 0; i < times; i++) {
            seen.merge(label + " " + client.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
        }
    }

    private static List<CompletableFuture<Void>> sendAsync(HttpClient client, String url, int times, String label,
                                                           Map<String, Integer> seen) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(client.sendAsync(get(url), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                synchronized (seen) {
                    seen.merge(label + " " + response.statusCode(), 1, Integer::sum);
                }
            }));
        }
        return sent;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static final class ErrorPageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ERROR_PAGES.incrementAndGet();
            response.getWriter().write("sorry");
        }
    }
}
