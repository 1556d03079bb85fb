/**
 * The collector's HTTP side on Jetty 12 core handlers:
 * {@link dev.revisit.collector.server.CollectorServer} serves OTLP/HTTP {@code POST /v1/metrics}
 * (protobuf or JSON, gzip, size limit) — or, when the signals come from a Prometheus-compatible
 * store, refuses it with a 404 that says so — and takes further routes from its caller.
 */
package dev.revisit.collector.server;
