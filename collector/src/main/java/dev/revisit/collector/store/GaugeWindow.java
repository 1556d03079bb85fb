package dev.revisit.collector.store;

/** The samples of one gauge series inside a window. */
public record GaugeWindow(double last, long lastMillis, double min, double max, double avg, int samples) {}
