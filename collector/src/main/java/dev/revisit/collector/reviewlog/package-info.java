/**
 * The review log (reviews of decisions, acknowledged and snoozed findings) and the verdict
 * history, in embedded H2 or PostgreSQL over JDBC. Evaluation never waits for this database:
 * reviews reach it through an in-memory index, transitions through a queue that survives outages.
 */
package dev.revisit.collector.reviewlog;
