/**
 * The RabbitMQ Java client, for the {@code async} area: delivery delay, consumed messages and
 * queue depth as {@code revisit.messaging.consumer.lag}, per queue. The advice is compiled
 * against the client (a provided dependency) and inlined into it; it never ships in the agent jar.
 */
package dev.revisit.agent.instrumentation.rabbitmq;
