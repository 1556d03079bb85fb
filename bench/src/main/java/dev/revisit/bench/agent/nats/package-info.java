/** What the agent adds to each JetStream message a NATS subscription hands to the application (the {@code nats} instrumentation's hot path). */
package dev.revisit.bench.agent.nats;
