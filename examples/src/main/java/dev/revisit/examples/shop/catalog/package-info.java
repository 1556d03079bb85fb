/**
 * Product lookups through a Caffeine cache in front of the database. The cache holds far fewer
 * entries than the catalog has products, so most reads miss (the caching decision's broken assumption).
 */
package dev.revisit.examples.shop.catalog;
