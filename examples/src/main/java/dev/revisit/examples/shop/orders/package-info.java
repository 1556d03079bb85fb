/**
 * Orders: placed through the API, confirmed in the background on the {@code order-worker} pool,
 * then published as events to a RabbitMQ queue that a shipping consumer drains more slowly than
 * orders arrive (the async decision's broken assumption). Without a reachable RabbitMQ the events
 * are not published and the shop says so.
 */
package dev.revisit.examples.shop.orders;
