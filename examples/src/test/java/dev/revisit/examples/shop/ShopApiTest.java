package dev.revisit.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop's API in-process (no agent, no broker): what it answers, and that malformed or
 * unauthorised requests get a 4xx and leave it serving.
 */
class ShopApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Shop shop;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        // a broker that refuses at once: the shop runs without order events
        shop = Shop.start(ShopConfig.parse("--port", "0", "--products", "200", "--orders", "1000", "--bcrypt-cost", "4",
                "--rabbitmq", "amqp://guest:guest@127.0.0.1:1"));
        HttpResponse<String> login = send("POST", "/v1/login", "{\"user\":\"customer-3\",\"password\":\"demo\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        assertTrue(m.find(), login.body());
        token = m.group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        shop.close();
    }

    @Test
    void withoutABrokerTheShopSaysWhyEventsAreNotPublished() {
        assertTrue(shop.events().startsWith("order events are not published: RabbitMQ is not reachable at amqp://127.0.0.1:1"),
                shop.events());
    }

    @Test
    void loginsNeedTheRightPassword() throws Exception {
        assertEquals(401, send("POST", "/v1/login", "{\"user\":\"customer-3\",\"password\":\"dmeo\"}", null).statusCode());
        assertEquals(401, send("POST", "/v1/login", "{\"user\":\"nobody\",\"password\":\"demo\"}", null).statusCode());
        assertEquals(400, send("POST", "/v1/login", "{\"user\":\"customer-3\"}", null).statusCode());
        assertEquals(405, send("GET", "/v1/login", null, null).statusCode());
    }

    @Test
    void productsNeedAValidToken() throws Exception {
        assertEquals(401, send("GET", "/v1/products/5", null, null).statusCode());
        assertEquals(401, send("GET", "/v1/products/5", null, "not.a.token").statusCode());
        assertEquals(401, send("GET", "/v1/products/5", null, token.substring(0, token.length() - 2) + "xx").statusCode());
        HttpResponse<String> product = send("GET", "/v1/products/5", null, token);
        assertEquals(200, product.statusCode());
        assertTrue(product.body().matches("\\{\"id\":5,\"name\":\"product 5\",\"price\":\\d+\\.\\d\\d}"), product.body());
    }

    @Test
    void badProductRequestsAre4xxAndTheBrokenRowA500() throws Exception {
        assertEquals(400, send("GET", "/v1/products/abc", null, token).statusCode());
        assertEquals(400, send("GET", "/v1/products", null, token).statusCode());
        assertEquals(404, send("GET", "/v1/products/100000", null, token).statusCode());
        HttpResponse<String> broken = send("GET", "/v1/products/13", null, token);
        assertEquals(500, broken.statusCode());
        assertEquals("{\"error\":\"internal error\"}", broken.body());
        assertEquals(200, send("GET", "/v1/products/14", null, token).statusCode(), "still serving");
    }

    @Test
    void ordersArePlacedAndSummed() throws Exception {
        String before = send("GET", "/v1/orders", null, token).body();
        HttpResponse<String> placed = send("POST", "/v1/orders", "{\"productId\": 7, \"quantity\": 2}", token);
        assertEquals(202, placed.statusCode(), placed.body());
        assertTrue(placed.body().matches("\\{\"order\":\\d+,\"status\":\"placed\"}"), placed.body());
        String after = send("GET", "/v1/orders", null, token).body();
        assertEquals(count(before, "orders") + 1, count(after, "orders"), before + " → " + after);
        assertEquals(count(before, "items") + 2, count(after, "items"), before + " → " + after);
    }

    @Test
    void malformedOrdersAre4xx() throws Exception {
        assertEquals(422, send("POST", "/v1/orders", "{\"productId\":100000,\"quantity\":1}", token).statusCode());
        assertEquals(400, send("POST", "/v1/orders", "{\"productId\":7,\"quantity\":0}", token).statusCode());
        assertEquals(400, send("POST", "/v1/orders", "{\"productId\":\"seven\",\"quantity\":1}", token).statusCode());
        assertEquals(400, send("POST", "/v1/orders", "{\"productId\":7", token).statusCode());
        assertEquals(400, send("POST", "/v1/orders", "{\"productId\":7 \"quantity\":1}", token).statusCode());
        assertEquals(400, send("POST", "/v1/orders", "", token).statusCode());
        assertEquals(413, send("POST", "/v1/orders", "{\"note\":\"" + "x".repeat(9_000) + "\"}", token).statusCode());
        assertEquals(405, send("DELETE", "/v1/orders", null, token).statusCode());
        assertEquals(404, send("GET", "/v1/orders/7", null, token).statusCode());
    }

    @Test
    void badOptionsAreClearErrors() {
        assertEquals("--port must be a whole number, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> ShopConfig.parse("--port", "x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShopConfig.parse("--bcrypt-cost", "40"))
                .getMessage().startsWith("--bcrypt-cost must be 4 … 31"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShopConfig.parse("--colour", "red"))
                .getMessage().startsWith("unknown option --colour"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShopConfig.parse("--port"))
                .getMessage().startsWith("expected --name value"));
    }

    private static long count(String summary, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(summary);
        assertTrue(m.find(), summary);
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> send(String method, String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
