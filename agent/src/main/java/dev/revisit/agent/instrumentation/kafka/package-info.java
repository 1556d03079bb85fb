/**
 * Kafka consumers, for the {@code async} area: delivery delay from record timestamps at
 * {@code poll}, consumed records, and {@code revisit.messaging.consumer.lag} per partition and
 * group bridged from the client's own {@code records-lag} fetch metric — no broker calls of
 * the agent's own. The advice is compiled against kafka-clients (provided) and inlined into it.
 */
package dev.revisit.agent.instrumentation.kafka;
