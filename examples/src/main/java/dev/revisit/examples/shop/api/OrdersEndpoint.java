package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpExchange;
import dev.revisit.examples.shop.auth.Tokens;
import dev.revisit.examples.shop.orders.OrderProcessor;
import dev.revisit.examples.shop.orders.Orders;
import java.util.OptionalLong;

/**
 * {@code POST /v1/orders {"productId": …, "quantity": …}} places an order and hands it to the
 * background processor (202); {@code GET /v1/orders} sums up the caller's orders.
 */
final class OrdersEndpoint extends Authenticated {

    private final Orders orders;
    private final OrderProcessor processor;

    OrdersEndpoint(Tokens tokens, Orders orders, OrderProcessor processor) {
        super(tokens);
        this.orders = orders;
        this.processor = processor;
    }

    @Override
    Reply serve(HttpExchange exchange, String customer) throws Exception {
        require(exchange, "GET", "POST");
        if (!exchange.getRequestURI().getPath().equals("/v1/orders")) {
            throw new BadRequest(404, "no such resource");
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            return new Reply(200, orders.summaryJson(customer));
        }
        Json order = Json.parse(body(exchange));
        long productId = order.number("productId", 1, Long.MAX_VALUE);
        int quantity = (int) order.number("quantity", 1, 100);
        OptionalLong id = orders.place(customer, productId, quantity);
        if (id.isEmpty()) {
            throw new BadRequest(422, "no product " + productId);
        }
        String placed = "{\"order\":" + id.getAsLong() + ",\"status\":\"placed\"}";
        if (!processor.submit(id.getAsLong(), customer)) {
            return new Reply(503, placed); // placed, but not confirmed now: the pool is full
        }
        return new Reply(202, placed);
    }
}
