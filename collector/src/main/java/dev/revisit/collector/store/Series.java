package dev.revisit.collector.store;

/** One time series: a metric name, its kind and its labels. Identity is name + labels. */
public record Series(String metric, MetricKind kind, Labels labels) {}
