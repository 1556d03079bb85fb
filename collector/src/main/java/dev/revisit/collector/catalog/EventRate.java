package dev.revisit.collector.catalog;

import dev.revisit.collector.store.MetricStore;
import java.util.List;

/** Events per second over the window, summed over every series in scope. */
final class EventRate extends OverSources {


    EventRate(List<Source> sources) {
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
                double events = Events.count(store, r.series(), from, to);
                if (!Double.isNaN(events)) {
                    total += events;
                    any = true;
                }
            }
            return any ? total / Events.seconds(from, to) : Double.NaN;
        };
    }
}
