/** Hooks that messaging-client advice calls (RabbitMQ, Kafka, NATS), for delivery delay, consumed counts and lag. */
package dev.revisit.agent.bootstrap.messaging;
