/**
 * The shop's HTTP API on the JDK's {@code HttpServer}: {@code POST /v1/login}, then with the token
 * as {@code Authorization: Bearer}: {@code GET /v1/products/{id}}, {@code POST /v1/orders},
 * {@code GET /v1/orders} (the caller's order summary). Malformed requests get a 4xx, never a crash.
 */
package dev.revisit.examples.shop.api;
