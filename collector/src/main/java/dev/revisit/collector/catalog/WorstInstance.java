package dev.revisit.collector.catalog;

import dev.revisit.collector.store.GaugeWindow;
import dev.revisit.collector.store.MetricStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A per-JVM value, and the worst JVM in scope: the largest per-instance value, mapped through
 * {@code finish} (e.g. {@code 1 − max CPU utilisation} for CPU headroom).
 */
final class WorstInstance extends OverSources {

    /** What one JVM's series amount to over the window. */
    enum PerInstance {
        /** The average of its gauge samples (CPU utilisation). */
        GAUGE_AVERAGE,
        /** The last gauge value (start-up time). */
        GAUGE_LAST,
        /** Histogram sum increase ÷ window: the share of wall time spent (GC pauses). */
        TIME_SHARE
    }

    private final PerInstance per;
    private final DoubleUnaryOperator finish;

    WorstInstance(PerInstance per, DoubleUnaryOperator finish, List<Source> sources) {
        super(sources);
        this.per = per;
        this.finish = finish;
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        Map<String, List<SeriesIndex.Resolved>> byInstance = Instances.group(index.resolve(sources, scope));
        MetricStore store = index.store();
        return (from, to) -> {
            double worst = Double.NaN;
            for (List<SeriesIndex.Resolved> instance : byInstance.values()) {
                double value = value(store, instance, from, to);
                if (!Double.isNaN(value)) {
                    worst = Double.isNaN(worst) ? value : Math.max(worst, value);
                }
            }
            return Double.isNaN(worst) ? worst : finish.applyAsDouble(worst);
        };
    }

    private double value(MetricStore store, List<SeriesIndex.Resolved> series, long from, long to) {
        double total = 0;
        boolean any = false;
        for (SeriesIndex.Resolved r : series) {
            double v = switch (per) {
                case GAUGE_AVERAGE -> store.gauge(r.series(), from, to).map(GaugeWindow::avg).orElse(Double.NaN);
                case GAUGE_LAST -> store.gauge(r.series(), from, to).map(GaugeWindow::last).orElse(Double.NaN);
                case TIME_SHARE -> Events.sum(store, r.series(), from, to) / Events.seconds(from, to);
            };
            if (!Double.isNaN(v)) {
                double scaled = v * r.source().toBase();
                // several series of one JVM: GC pauses of each collector add up; gauges take the largest
                total = per == PerInstance.TIME_SHARE ? total + scaled : (any ? Math.max(total, scaled) : scaled);
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
