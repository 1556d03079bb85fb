package dev.revisit.testapp.http;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A token introspection endpoint (RFC 7662) on the JDK's HttpServer: {@code active} for
 * {@link SecuredShop#GOOD_OPAQUE}, inactive (revoked) for any other token, after a known delay.
 */
final class IntrospectionEndpoint {
    static final String PATH = "/introspect";

    private IntrospectionEndpoint() {}

    static AutoCloseable start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SecuredShop.sleep(SecuredShop.INTROSPECT_SLEEP_MS);
            String body = form.contains("token=" + SecuredShop.GOOD_OPAQUE)
                    ? "{\"active\":true,\"sub\":\"alice\",\"scope\":\"read\",\"client_id\":\"shop\",\"exp\":"
                            + (System.currentTimeMillis() / 1000 + 3600) + "}"
                    : "{\"active\":false}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        SecuredShop.introspectionUri = "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
        return () -> server.stop(0);
    }
}
