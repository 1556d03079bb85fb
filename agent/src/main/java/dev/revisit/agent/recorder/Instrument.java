package dev.revisit.agent.recorder;

import java.util.ArrayList;
import java.util.List;

/** What every instrument has: a name from the signals contract, a unit, attribute keys, and its series. */
public abstract sealed class Instrument<S> permits Counter, Histogram, Gauge {
    private final String name;
    private final String unit;
    private final String description;
    private final List<String> attributeKeys;
    final SeriesTable<S> table;

    Instrument(String name, String unit, String description, String[] keys, SeriesTable.Factory<S> factory, Limits limits) {
        this.name = name;
        this.unit = unit;
        this.description = description;
        this.attributeKeys = List.of(keys);
        this.table = new SeriesTable<>(name, keys, factory::create, limits.attributeCap(), limits.seriesCap(), limits.foldListener());
    }

    public final String name() {
        return name;
    }

    public final String unit() {
        return unit;
    }

    public final List<String> attributeKeys() {
        return attributeKeys;
    }

    /**
     * The series for these attribute values, in the order of {@link #attributeKeys()}; null
     * means unknown. Lock-free and allocation-free once the series exists — but the varargs
     * array is the caller's: resolve once and keep the handle where you can.
     */
    public final S series(String... attributeValues) {
        return table.get(attributeValues);
    }

    abstract InstrumentKind kind();

    abstract PointView view(String[] values, S series);

    double[] boundaries() {
        return null;
    }

    MetricView view() {
        List<PointView> points = new ArrayList<>();
        for (Object entry : table.entries()) {
            PointView point = view(SeriesTable.valuesOf(entry), SeriesTable.<S>seriesOf(entry));
            if (point != null) {
                points.add(point);
            }
        }
        return new MetricView(name, unit, description, kind(), attributeKeys, boundaries(), points);
    }

    record Limits(int attributeCap, int seriesCap, FoldListener foldListener) {}
}
