/**
 * The {@code auth} area's timing, shared by the auth instrumentations ({@code springsecurity},
 * {@code jwt}, {@code passwordhash}): {@code revisit.auth.duration} per mechanism and outcome,
 * counted inside HTTP server requests only and each step's own time only, so that
 * {@code auth.overhead_ratio} = Σ auth seconds ÷ Σ request seconds is exact.
 */
package dev.revisit.agent.instrumentation.auth;
