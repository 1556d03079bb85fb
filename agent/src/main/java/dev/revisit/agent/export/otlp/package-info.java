/** OTLP/HTTP protobuf push: recorder views mapped to the OpenTelemetry SDK's metric data, sent by its exporter on the JDK HTTP client. */
package dev.revisit.agent.export.otlp;
