package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpExchange;
import dev.revisit.examples.shop.auth.Tokens;
import dev.revisit.examples.shop.catalog.Products;

/** {@code GET /v1/products/{id}}. */
final class ProductsEndpoint extends Authenticated {

    private static final String PREFIX = "/v1/products/";
    private final Products products;

    ProductsEndpoint(Tokens tokens, Products products) {
        super(tokens);
        this.products = products;
    }

    @Override
    Reply serve(HttpExchange exchange, String customer) throws Exception {
        require(exchange, "GET");
        String path = exchange.getRequestURI().getPath();
        long id;
        try {
            id = Long.parseLong(path.substring(Math.min(PREFIX.length(), path.length())));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "expected /v1/products/{id} with a numeric id");
        }
        return products.find(id).map(p -> new Reply(200, p.json()))
                .orElseThrow(() -> new BadRequest(404, "no product " + id));
    }
}
