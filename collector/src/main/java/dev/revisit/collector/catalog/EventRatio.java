package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MetricStore;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Selected events ÷ all events (hits ÷ lookups, errors ÷ operations). Numerators and
 * denominators are summed over every series first: ratios are never averaged.
 *
 * <p>Which events are selected: those of the series each source {@link Source#selects() selects};
 * or, for a share ({@link #share}), those matching the scope's pattern for one attribute, among
 * all events in the rest of the scope (requests to {@code api.version: v1} among a service's).
 */
final class EventRatio extends OverSources {

    private final String shareKey; // null: the sources' own selection

    private EventRatio(List<Source> sources, String shareKey) {
        super(sources);
        this.shareKey = shareKey;
    }

    /** The sources' selected series ÷ all their series. */
    static EventRatio of(List<Source> sources) {
        return new EventRatio(sources, null);
    }

    /** Series matching the scope's pattern for {@code key} ÷ all series in the rest of the scope. */
    static EventRatio share(String key, List<Source> sources) {
        return new EventRatio(sources, key);
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> series = index.resolve(sources, shareKey == null ? scope : scope.without(shareKey));
        boolean[] selected = new boolean[series.size()];
        Scope part = shareKey == null ? null : new Scope(scope.patterns().containsKey(shareKey)
                ? Map.of(shareKey, scope.patterns().get(shareKey)) : Map.of());
        for (int i = 0; i < selected.length; i++) {
            SeriesIndex.Resolved r = series.get(i);
            Predicate<Labels> test = part == null ? r.source().selects() : part.filter(r.source());
            selected[i] = test != null && test.test(r.series().labels());
        }
        MetricStore store = index.store();
        return (from, to) -> {
            double inPart = 0;
            double all = 0;
            for (int i = 0; i < selected.length; i++) {
                double events = Events.count(store, series.get(i).series(), from, to);
                if (!Double.isNaN(events)) {
                    all += events;
                    inPart += selected[i] ? events : 0;
                }
            }
            return all > 0 ? inPart / all : Double.NaN;
        };
    }
}
