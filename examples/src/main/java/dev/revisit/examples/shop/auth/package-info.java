/**
 * Logins checked against BCrypt hashes (Spring Security's encoder, at a cost set higher than the
 * auth decision allows for), and HS256 JWTs (Nimbus) issued at login and verified on every API call.
 */
package dev.revisit.examples.shop.auth;
