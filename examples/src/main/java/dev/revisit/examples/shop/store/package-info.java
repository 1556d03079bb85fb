/**
 * The shop's H2 database: schema and seed data. The orders table has no index on its customer
 * column on purpose, so the order summary scans it (the storage decision's slow query).
 */
package dev.revisit.examples.shop.store;
