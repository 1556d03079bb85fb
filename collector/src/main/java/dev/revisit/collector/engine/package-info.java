/**
 * What {@code serve} runs: the verdict loop over a signal source — the embedded store fed by the
 * OTLP server, or a Prometheus-compatible store (then OTLP is refused with a 404) — and
 * decisions-file reload.
 */
package dev.revisit.collector.engine;
