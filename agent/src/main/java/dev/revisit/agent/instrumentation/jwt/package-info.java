/** JWT verification (Nimbus JOSE+JWT, JJWT, Auth0 java-jwt, Spring Security's JwtDecoder) as {@code auth.mechanism=jwt}. */
package dev.revisit.agent.instrumentation.jwt;
