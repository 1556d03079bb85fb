/**
 * Reads the catalog's signals from a Prometheus-compatible query API (Prometheus, Mimir, Thanos,
 * Cortex, VictoriaMetrics) instead of the embedded store: each signal's documented PromQL,
 * evaluated through {@code /api/v1/query}. Every failure of the store — unreachable, slow, a 4xx or
 * 5xx, an error or partial answer — is raised with its reason, which the evaluator turns into
 * {@code no_data} for the assumption; an empty answer is no data. Never a false {@code holds}.
 */
package dev.revisit.collector.prometheus;
