package dev.revisit.collector.catalog;

import java.util.List;

/**
 * {@code coverage}: assumptions with data ÷ assumptions. It is computed over the other
 * assumptions' verdicts, not over the store, so the evaluator computes it; binding it here yields
 * no data.
 */
public final class Coverage implements Computation {

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        return (from, to) -> Double.NaN;
    }

    @Override
    public List<Source> sources() {
        return List.of();
    }
}
