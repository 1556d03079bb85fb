/**
 * The collector's own {@code /metrics} through Micrometer's Prometheus registry (client_java 1.x,
 * ADR 0002): every decision's verdict, each assumption's value, threshold and coverage, with the
 * names and labels dashboards/README.md fixes, and the collector's health.
 */
package dev.revisit.collector.metrics;
