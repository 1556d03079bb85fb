/** Password hashing and checking (Spring Security's encoders, jBCrypt) as {@code auth.mechanism=password-hash}. */
package dev.revisit.agent.instrumentation.passwordhash;
