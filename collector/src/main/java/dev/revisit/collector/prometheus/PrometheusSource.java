package dev.revisit.collector.prometheus;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import java.time.Duration;
import java.util.function.Function;

/**
 * Binds assumptions to a store's query API: the value over a window is the signal's documented
 * PromQL over the assumption's scope with that window, evaluated at the window's end. Given to
 * {@link dev.revisit.collector.verdict.Evaluator}, which replays it over the assumption's
 * {@code for} exactly as it replays the embedded store.
 */
public final class PrometheusSource implements Function<Assumption, Bound> {

    private final PrometheusQueries queries;

    public PrometheusSource(PrometheusQueries queries) {
        this.queries = queries;
    }

    @Override
    public Bound apply(Assumption assumption) {
        PromQl.Selector scope = PromQl.Selector.of(assumption.scope());
        return (from, to) -> {
            String window = Durations.format(Duration.ofMillis(Math.max(1000, to - from)));
            return queries.instant(assumption.signal().promql().render(scope, window), to);
        };
    }
}
