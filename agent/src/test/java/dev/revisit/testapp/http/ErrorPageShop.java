package dev.revisit.testapp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedded Tomcat with an error page, as Spring Boot registers one ({@code /error}): every error is dispatched
 * to it after the request's own dispatch returned, through the same filter chain. Sends {@link RawServlet}
 * requests that throw, answer 404, and complete async; prints what it got and how often the error
 * page ran.
 */
public final class ErrorPageShop {
    public static final int THROWING = 3;
    public static final int MISSING = 3;
    public static final int COMPLETED = 2;
    static final AtomicInteger ERROR_PAGES = new AtomicInteger();

    private ErrorPageShop() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("error-page-shop");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(dir.toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", dir.toString());
        Tomcat.addServlet(context, "raw", new RawServlet()).setAsyncSupported(true);
        context.addServletMappingDecoded("/raw/*", "raw");
        Tomcat.addServlet(context, "oops", new ErrorPageServlet());
        context.addServletMappingDecoded("/oops", "oops");
        ErrorPage everything = new ErrorPage(); // no code, no exception type: the default error page
        everything.setLocation("/oops");
        context.addErrorPage(everything);
        tomcat.start();
        String base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> seen = new TreeMap<>();
        try {
            send(client, base + "/raw/boom", THROWING, "throwing", seen);
            send(client, base + "/raw/missing", MISSING, "missing", seen);
            send(client, base + "/raw/v3/later", COMPLETED, "completed", seen);
            seen.forEach((k, v) -> System.out.println("status " + k + " x" + v));
            System.out.println("error pages " + ERROR_PAGES.get());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static void send(HttpClient client, String url, int times, String label, Map<String, Integer> seen) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
            seen.merge(label + " " + client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
        }
    }

    private static final class ErrorPageServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ERROR_PAGES.incrementAndGet();
            response.getWriter().write("sorry");
        }
    }
}
