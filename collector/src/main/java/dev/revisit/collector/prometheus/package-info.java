/**
 * Reads the catalog's signals from a Prometheus-compatible query API (Prometheus, Mimir, Thanos,
 * Cortex, VictoriaMetrics) instead of the embedded store, for {@code evaluate} and {@code serve}:
 * each signal's documented PromQL, through {@code /api/v1/query_range} for the evaluator's lookback
 * (one request per assumption, a second while a breach is traced back) and {@code /api/v1/query}
 * where single values are asked for. Identical queries within a round are sent once; queries run
 * on a bounded pool. TLS from PEM files ({@link dev.revisit.collector.prometheus.PrometheusTls}).
 * Every failure of the store — unreachable, slow, a 4xx or 5xx, an error, warnings (a partial
 * answer), more than one series, samples off the steps — is raised with its reason, which the
 * evaluator turns into {@code no_data} for the assumption; an empty answer is no data. Never a
 * false {@code holds}. See docs/adr/0012.
 */
package dev.revisit.collector.prometheus;
