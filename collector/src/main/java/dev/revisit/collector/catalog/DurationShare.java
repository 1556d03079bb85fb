package dev.revisit.collector.catalog;

import dev.revisit.collector.store.MetricStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Time spent in one thing ÷ time spent in another over the same window — auth time ÷ request
 * time: the sums of two histograms, each summed over every series in scope. The part's own
 * attribute ({@code partKey}) narrows only the numerator.
 */
final class DurationShare implements Computation {

    private final String partKey;
    private final List<Source> parts;
    private final List<Source> wholes;

    DurationShare(String partKey, List<Source> parts, List<Source> wholes) {
        this.partKey = partKey;
        this.parts = List.copyOf(parts);
        this.wholes = List.copyOf(wholes);
    }

    @Override
    public List<Source> sources() {
        List<Source> all = new ArrayList<>(parts);
        all.addAll(wholes);
        return all;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> part = index.resolve(parts, scope);
        List<SeriesIndex.Resolved> whole = index.resolve(wholes, scope.without(partKey));
        MetricStore store = index.store();
        return (from, to) -> {
            double numerator = seconds(store, part, from, to);
            double denominator = seconds(store, whole, from, to);
            return Double.isNaN(numerator) || !(denominator > 0) ? Double.NaN : numerator / denominator;
        };
    }

    private static double seconds(MetricStore store, List<SeriesIndex.Resolved> series, long from, long to) {
        double total = 0;
        boolean any = false;
        for (SeriesIndex.Resolved r : series) {
            double sum = Events.sum(store, r.series(), from, to);
            if (!Double.isNaN(sum)) {
                total += sum * r.source().toBase();
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
