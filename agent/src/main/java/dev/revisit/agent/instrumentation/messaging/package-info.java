/**
 * What every messaging client records, for the {@code async} area: consumed messages,
 * {@code revisit.messaging.delivery.delay} (clamped at 0 and counted on clock skew) and
 * {@code revisit.messaging.consumer.lag}. The client packages (rabbitmq, kafka, nats) feed it.
 */
package dev.revisit.agent.instrumentation.messaging;
