/**
 * The collector's HTTP side on Jetty 12 core handlers:
 * {@link dev.revisit.collector.server.CollectorServer} serves OTLP/HTTP {@code POST /v1/metrics}
 * (protobuf or JSON, gzip, size limit) and takes further routes from its caller.
 */
package dev.revisit.collector.server;
