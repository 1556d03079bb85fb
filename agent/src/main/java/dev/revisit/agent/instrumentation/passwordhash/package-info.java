/**
 * Password checks (Spring Security's encoders, jBCrypt) as {@code auth.mechanism=password-hash}:
 * one count per check, {@code failure} when the password did not match; hashing a new password
 * is not counted.
 */
package dev.revisit.agent.instrumentation.passwordhash;
