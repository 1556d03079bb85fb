/**
 * The agent test harness, for every instrumentation's integration tests (*IT, run by
 * failsafe after the jar is packaged): {@link dev.revisit.agent.testing.AgentHarness} runs a
 * program in a child JVM with target/revisit-agent.jar attached; {@link dev.revisit.agent.testing.AgentRun}
 * holds what it exported over OTLP ({@link dev.revisit.agent.testing.ExportedMetrics}) and
 * through Prometheus ({@link dev.revisit.agent.testing.PrometheusScrape}).
 * Test programs must live outside {@code dev.revisit.agent} (e.g. {@code dev.revisit.testapp}),
 * which the agent never instruments.
 */
package dev.revisit.agent.testing;
