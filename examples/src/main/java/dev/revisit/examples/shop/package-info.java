/**
 * The demo shop: an HTTP API on the JDK's {@code HttpServer} with JWT auth, BCrypt logins, an H2
 * database behind a Caffeine cache, order processing on a thread pool and order events over
 * RabbitMQ when one is reachable. It knows nothing of the agent; some of its settings are wrong on
 * purpose (see examples/decisions/shop.yaml), so that the decisions they break get flagged.
 */
package dev.revisit.examples.shop;
