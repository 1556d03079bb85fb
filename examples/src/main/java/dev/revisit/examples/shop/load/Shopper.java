package dev.revisit.examples.shop.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One virtual customer: logs in, then runs the shop's request mix at its share of the rate,
 * logging in again now and then (each login is one BCrypt check on the server).
 */
final class Shopper implements Runnable {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final int REQUESTS_PER_LOGIN = 200;
    private static final int HOT_PRODUCTS = 1_000;
    private static final long BROKEN_PRODUCT = 13;

    private final HttpClient http;
    private final LoadConfig config;
    private final String customer;
    private final Tally tally;
    private final long deadline;
    private final SplittableRandom random;
    private String token;
    private int sinceLogin;

    Shopper(HttpClient http, LoadConfig config, int number, Tally tally, long deadline) {
        this.http = http;
        this.config = config;
        this.customer = "customer-" + number;
        this.tally = tally;
        this.deadline = deadline;
        this.random = new SplittableRandom(number);
    }

    @Override
    public void run() {
        long interval = 1_000_000_000L * config.users() / config.rate();
        long next = System.nanoTime();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            step();
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else if (wait < -1_000_000_000L) {
                next = System.nanoTime(); // fell behind by over a second: do not burst to catch up
            }
        }
    }

    private void step() {
        if (token == null || sinceLogin >= REQUESTS_PER_LOGIN) {
            login();
            return;
        }
        sinceLogin++;
        int dice = random.nextInt(1_000);
        if (dice < 30) {
            send(get("/v1/orders", token));                                         // the order summary: the slow query
        } else if (dice < 150) {
            long product = random.nextInt(20) == 0 ? config.products() + 1 + random.nextInt(50) : product();
            send(post("/v1/orders", "{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3)) + "}", token));
        } else if (dice < 160) {
            send(get("/v1/products/" + product(), token.substring(0, token.length() - 2) + "xx")); // a tampered token
        } else if (dice < 165) {
            send(get("/v1/products/" + BROKEN_PRODUCT, token));                     // the broken row: a 500
        } else {
            send(get("/v1/products/" + product(), token));
        }
    }

    /** A hot set most customers look at, and a long tail across the whole catalog. */
    private long product() {
        return random.nextInt(10) < 7 ? 1 + random.nextInt(Math.min(HOT_PRODUCTS, config.products()))
                : 1 + random.nextInt(config.products());
    }

    private void login() {
        if (random.nextInt(8) == 0) { // a mistyped password now and then
            send(post("/v1/login", "{\"user\":\"" + customer + "\",\"password\":\"dmeo\"}", null));
        }
        HttpResponse<String> response = send(post("/v1/login", "{\"user\":\"" + customer + "\",\"password\":\"demo\"}", null));
        Matcher m = TOKEN.matcher(response == null ? "" : response.body());
        token = m.find() ? m.group(1) : null;
        sinceLogin = 0;
    }

    private HttpRequest get(String path, String bearer) {
        return request(path, bearer).GET().build();
    }

    private HttpRequest post(String path, String json, String bearer) {
        return request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.target() + path)).timeout(Duration.ofSeconds(10));
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            tally.count(response.statusCode());
            return response;
        } catch (IOException e) {
            tally.count(0);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
