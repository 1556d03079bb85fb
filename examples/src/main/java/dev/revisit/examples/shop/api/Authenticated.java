package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpExchange;
import dev.revisit.examples.shop.auth.Tokens;

/** A route that needs a valid bearer token: 401 without one, else the customer it names. */
abstract class Authenticated extends Endpoint {

    private final Tokens tokens;

    Authenticated(Tokens tokens) {
        this.tokens = tokens;
    }

    abstract Reply serve(HttpExchange exchange, String customer) throws Exception;

    @Override
    final Reply serve(HttpExchange exchange) throws Exception {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new BadRequest(401, "a bearer token is required: POST /v1/login first");
        }
        String customer = tokens.verify(header.substring("Bearer ".length()).strip())
                .orElseThrow(() -> new BadRequest(401, "invalid or expired token"));
        return serve(exchange, customer);
    }
}
