package dev.revisit.collector.catalog;

import dev.revisit.collector.store.GaugeWindow;
import dev.revisit.collector.store.MetricStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 1 − heap used ÷ heap limit, per JVM (last values in the window, summed over heap pools; pools
 * without a limit, like G1's eden, add to used but not to the limit), and the smallest headroom of
 * any JVM in scope: the instance closest to running out decides.
 */
final class HeapHeadroom implements Computation {

    private final List<Source> used;
    private final List<Source> limit;

    HeapHeadroom(List<Source> used, List<Source> limit) {
        this.used = List.copyOf(used);
        this.limit = List.copyOf(limit);
    }

    @Override
    public List<Source> sources() {
        List<Source> all = new ArrayList<>(used);
        all.addAll(limit);
        return all;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        List<SeriesIndex.Resolved> usedSeries = index.resolve(used, scope);
        List<SeriesIndex.Resolved> limitSeries = index.resolve(limit, scope);
        MetricStore store = index.store();
        return (from, to) -> {
            Map<String, double[]> byInstance = new HashMap<>(); // [used, limit]
            add(store, usedSeries, from, to, byInstance, 0);
            add(store, limitSeries, from, to, byInstance, 1);
            double worst = Double.NaN;
            for (double[] v : byInstance.values()) {
                if (v[1] > 0 && !Double.isNaN(v[0])) {
                    double headroom = 1 - v[0] / v[1];
                    worst = Double.isNaN(worst) ? headroom : Math.min(worst, headroom);
                }
            }
            return worst;
        };
    }

    private static void add(MetricStore store, List<SeriesIndex.Resolved> series, long from, long to,
                            Map<String, double[]> byInstance, int slot) {
        for (SeriesIndex.Resolved r : series) {
            Optional<GaugeWindow> window = store.gauge(r.series(), from, to);
            if (window.isEmpty() || (slot == 1 && window.get().last() <= 0)) {
                continue;
            }
            double[] v = byInstance.computeIfAbsent(Instances.of(r.series().labels()), k -> new double[]{Double.NaN, 0});
            v[slot] = (Double.isNaN(v[slot]) ? 0 : v[slot]) + window.get().last();
        }
    }
}
