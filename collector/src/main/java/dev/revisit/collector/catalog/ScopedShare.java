package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MetricStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The share of events whose {@code key} matches the scope's pattern among all events in the rest
 * of the scope — e.g. the share of requests to {@code api.version: v1} among a service's requests.
 */
final class ScopedShare implements Computation {

    private final String key;
    private final List<Source> sources;

    ScopedShare(String key, List<Source> sources) {
        this.key = key;
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        String pattern = scope.patterns().get(key);
        List<SeriesIndex.Resolved> series = index.resolve(sources, scope.without(key));
        Scope part = new Scope(pattern == null ? Map.of() : Map.of(key, pattern));
        List<Boolean> inPart = new ArrayList<>(series.size());
        for (SeriesIndex.Resolved r : series) {
            Predicate<Labels> filter = part.filter(r.source());
            inPart.add(filter != null && filter.test(r.series().labels()));
        }
        MetricStore store = index.store();
        return (from, to) -> {
            double selected = 0;
            double all = 0;
            for (int i = 0; i < series.size(); i++) {
                double events = Events.count(store, series.get(i).series(), from, to);
                if (Double.isNaN(events)) {
                    continue;
                }
                all += events;
                if (inPart.get(i)) {
                    selected += events;
                }
            }
            return all > 0 ? selected / all : Double.NaN;
        };
    }
}
