package dev.revisit.collector.catalog;

import dev.revisit.collector.store.GaugeWindow;
import dev.revisit.collector.store.MetricStore;
import java.util.List;
import java.util.Optional;

/**
 * The sum over every series in scope of each series' last value in the window — consumer lag
 * summed over partitions and groups: how many messages the scope is behind right now.
 */
final class GaugeTotal extends OverSources {


    GaugeTotal(List<Source> sources) {
        super(sources);
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> series = index.resolve(sources, scope);
        MetricStore store = index.store();
        return (from, to) -> {
            double total = 0;
            boolean any = false;
            for (SeriesIndex.Resolved r : series) {
                Optional<GaugeWindow> window = store.gauge(r.series(), from, to);
                if (window.isPresent()) {
                    total += window.get().last() * r.source().toBase();
                    any = true;
                }
            }
            return any ? total : Double.NaN;
        };
    }
}
