/**
 * The demo's load: virtual customers that log in, browse products (a hot set and a long tail,
 * wider than the product cache), place orders and now and then look at their order summary —
 * plus the mistakes real clients make (a wrong password, a tampered token, a discontinued
 * product, the product whose row is broken). Paced to a fixed rate, with progress printed.
 */
package dev.revisit.examples.shop.load;
