/**
 * The derived-signal catalog: each signal a computation over {@link
 * dev.revisit.collector.store.MetricStore} and its equivalent PromQL, reading the signals
 * contract's metrics or their Micrometer / OpenTelemetry-agent equivalents. Reference:
 * docs/signals.md (its catalog section is generated from {@code BuiltInSignals}).
 */
package dev.revisit.collector.catalog;
