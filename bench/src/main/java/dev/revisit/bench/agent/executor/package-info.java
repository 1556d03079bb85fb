/** What the executor instrumentation adds per task, against the same pool without the agent. */
package dev.revisit.bench.agent.executor;
