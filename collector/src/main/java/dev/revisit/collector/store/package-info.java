/**
 * The embedded signal store. {@link dev.revisit.collector.store.MetricStore} is the read side
 * the signal catalog computes over; {@link dev.revisit.collector.store.MemoryStore} implements
 * it in tiers of bounded memory, written through {@link dev.revisit.collector.store.StoredSeries};
 * {@link dev.revisit.collector.store.PersistentStore} keeps it in a data directory (append-only
 * log plus snapshots). Memory formula, tiers and flush guarantees: docs/store.md.
 */
package dev.revisit.collector.store;
