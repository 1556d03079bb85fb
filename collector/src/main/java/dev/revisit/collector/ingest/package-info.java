/**
 * OTLP metrics into the store: {@link dev.revisit.collector.ingest.OtlpMetricsIngester} maps
 * an {@code ExportMetricsServiceRequest}'s sums, gauges and histograms onto stored series and
 * counts what it must reject, for the partial-success answer.
 */
package dev.revisit.collector.ingest;
