/**
 * Kafka consumers, for the {@code async} area: delivery delay from record timestamps at
 * {@code poll}, consumed records, and {@code revisit.messaging.consumer.lag} per partition and
 * group bridged from the client's own {@code records-lag} fetch metric — no broker calls of
 * the agent's own — exported while a consumer of the JVM has the partition (not after
 * {@code close()}, nor after the client removed the metric on losing the partition). The advice passes the client's objects as {@code Object}; {@code Batch} reads
 * them through handles found once per {@code ConsumerRecords} class, so any class loader will do.
 */
package dev.revisit.agent.instrumentation.kafka;
