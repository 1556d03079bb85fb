/**
 * NATS JetStream (jnats), for the {@code async} area: delivery delay from the server's store
 * time, consumed messages, and {@code revisit.messaging.consumer.lag} as the consumer's pending
 * count — all read from the JetStream metadata the client already parsed for each message it
 * hands to the application; no server calls of the agent's own. A consumer's lag goes an export
 * after the JVM's last subscription on it ended. Core NATS messages carry no
 * metadata and are not counted. The advice is compiled against jnats (provided) and inlined into it.
 */
package dev.revisit.agent.instrumentation.nats;
