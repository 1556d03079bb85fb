package dev.revisit.agent.recorder;

import java.util.List;

/** A monotonic count, e.g. {@code revisit.cache.requests}. */
public final class Counter extends Instrument<CounterSeries> {
    Counter(String name, String unit, String description, String[] keys, Limits limits) {
        super(name, unit, description, keys, CounterSeries::new, limits);
    }

    @Override
    InstrumentKind kind() {
        return InstrumentKind.COUNTER;
    }

    @Override
    PointView view(String[] values, CounterSeries series) {
        return new PointView(List.of(values), series.value(), 0, 0, null);
    }
}
