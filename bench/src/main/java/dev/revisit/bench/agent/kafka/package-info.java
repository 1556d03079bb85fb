/** What the Kafka instrumentation adds per consumed record, against the application's own pass over the same batch. */
package dev.revisit.bench.agent.kafka;
