/**
 * The instrumentation SPI ({@link dev.revisit.agent.instrumentation.InstrumentationModule},
 * {@link dev.revisit.agent.instrumentation.Transforms}), the registry of modules
 * ({@link dev.revisit.agent.instrumentation.Modules}) and the installer that turns them into
 * one Byte Buddy {@code AgentBuilder}. One sub-package per instrumented library.
 */
package dev.revisit.agent.instrumentation;
