/**
 * The agent's entry point ({@link dev.revisit.agent.RevisitAgent}) and start-up. Sub-packages:
 * {@code bootstrap} (the hooks advice calls, on the bootstrap class path), {@code config},
 * {@code log}, {@code recorder}, {@code export}, {@code instrumentation} (SPI and one package
 * per library), {@code jvm}, {@code identity}. agent/README.md explains how they fit.
 */
package dev.revisit.agent;
