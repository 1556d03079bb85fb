package dev.revisit.collector.catalog;

import dev.revisit.collector.store.HistogramWindow;
import dev.revisit.collector.store.MetricStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A quantile of the merged histogram of every series in scope, interpolated inside its bucket
 * the way PromQL's {@code histogram_quantile} does. Quantiles are never averaged.
 */
final class HistogramQuantile extends OverSources {

    private final double q;

    HistogramQuantile(double q, List<Source> sources) {
        super(sources);
        this.q = q;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> series = index.resolve(sources, scope);
        MetricStore store = index.store();
        return (from, to) -> {
            List<HistogramWindow> windows = new ArrayList<>(series.size());
            for (SeriesIndex.Resolved r : series) {
                Optional<HistogramWindow> window = store.histogramIncrease(r.series(), from, to);
                window.ifPresent(w -> windows.add(Histograms.scale(w, r.source().toBase())));
            }
            return windows.isEmpty() ? Double.NaN : Histograms.quantile(q, Histograms.merge(windows));
        };
    }
}
