package dev.revisit.collector.catalog;

import dev.revisit.collector.store.HistogramWindow;
import dev.revisit.collector.store.MetricStore;
import dev.revisit.collector.store.Series;
import java.util.Optional;

/** How many events a series saw in a window: a counter's increase, or a histogram's count. */
final class Events {

    private Events() {}

    /** The number of events, or NaN without data. */
    static double count(MetricStore store, Series series, long from, long to) {
        return switch (series.kind()) {
            case COUNTER -> store.increase(series, from, to).orElse(Double.NaN);
            case HISTOGRAM -> store.histogramIncrease(series, from, to).map(h -> (double) h.count()).orElse(Double.NaN);
            case GAUGE -> Double.NaN;
        };
    }

    /** The sum of a histogram's observations, in the source's unit, or NaN without data. */
    static double sum(MetricStore store, Series series, long from, long to) {
        Optional<HistogramWindow> window = store.histogramIncrease(series, from, to);
        return window.map(HistogramWindow::sum).orElse(Double.NaN);
    }

    static double seconds(long from, long to) {
        return (to - from) / 1000.0;
    }
}
