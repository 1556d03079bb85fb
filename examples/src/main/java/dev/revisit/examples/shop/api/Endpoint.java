package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One API route: answers what {@link #serve} returns, a {@link BadRequest} with its status, and
 * anything else that went wrong with a 500 (logged once per route: the load repeats it).
 */
abstract class Endpoint implements HttpHandler {

    private static final int MAX_BODY = 8 * 1024;
    private final AtomicBoolean failedBefore = new AtomicBoolean();

    /** A response: status and JSON body. */
    record Reply(int status, String json) {}

    abstract Reply serve(HttpExchange exchange) throws Exception;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = serve(exchange);
        } catch (BadRequest e) {
            reply = new Reply(e.status, "{\"error\":" + Json.quote(e.getMessage()) + "}");
        } catch (Exception e) {
            if (!failedBefore.getAndSet(true)) {
                System.err.println("shop: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": " + e);
            }
            reply = new Reply(500, "{\"error\":\"internal error\"}");
        }
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String body(HttpExchange exchange) throws IOException, BadRequest {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest(413, "request body over " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static void require(HttpExchange exchange, String... methods) throws BadRequest {
        for (String method : methods) {
            if (method.equals(exchange.getRequestMethod())) {
                return;
            }
        }
        throw new BadRequest(405, exchange.getRequestMethod() + " is not allowed here");
    }
}
