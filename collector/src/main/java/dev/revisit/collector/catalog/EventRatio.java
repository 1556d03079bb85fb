package dev.revisit.collector.catalog;

import dev.revisit.collector.store.MetricStore;
import java.util.List;

/**
 * Selected events ÷ all events (hits ÷ requests, errors ÷ operations). Numerators and
 * denominators are summed over every series first: ratios are never averaged.
 */
final class EventRatio implements Computation {

    private final List<Source> sources;

    EventRatio(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> series = index.resolve(sources, scope);
        MetricStore store = index.store();
        return (from, to) -> {
            double selected = 0;
            double all = 0;
            for (SeriesIndex.Resolved r : series) {
                double events = Events.count(store, r.series(), from, to);
                if (Double.isNaN(events)) {
                    continue;
                }
                all += events;
                if (r.source().selects().test(r.series().labels())) {
                    selected += events;
                }
            }
            return all > 0 ? selected / all : Double.NaN;
        };
    }
}
