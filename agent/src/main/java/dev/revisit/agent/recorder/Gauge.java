package dev.revisit.agent.recorder;

import java.util.List;

/** A value sampled at a moment, e.g. consumer lag or memory used. Set it from {@link Recorder#onCollect}. */
public final class Gauge extends Instrument<GaugeSeries> {
    Gauge(String name, String unit, String description, String[] keys, Limits limits) {
        super(name, unit, description, keys, GaugeSeries::new, limits);
    }

    @Override
    InstrumentKind kind() {
        return InstrumentKind.GAUGE;
    }

    @Override
    PointView view(String[] values, GaugeSeries series) {
        double value = series.value();
        return Double.isNaN(value) ? null : new PointView(List.of(values), value, 0, 0, null);
    }
}
