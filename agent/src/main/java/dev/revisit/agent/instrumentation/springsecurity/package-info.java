/**
 * Spring Security's filter chain: the own time of its authentication and authorization
 * filters (the rest of the chain, handed off through {@code FilterChain.doFilter}, excluded),
 * its rejections, and OAuth2 token introspection.
 */
package dev.revisit.agent.instrumentation.springsecurity;
