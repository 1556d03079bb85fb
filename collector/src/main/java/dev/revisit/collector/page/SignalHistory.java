package dev.revisit.collector.page;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.decisions.Assumption;
import java.time.Duration;
import java.time.Instant;

/**
 * The values a chart shows: the assumption's signal, each over its own window, at
 * {@link #STEPS} steps ending at the evaluation. The span is twice {@code for} (what the
 * verdict replays) or twelve windows, whichever is longer, so even a short window shows a trend.
 */
final class SignalHistory {

    static final int STEPS = 30;

    private SignalHistory() {}

    static Duration span(Assumption a) {
        Duration replay = a.sustain().multipliedBy(2);
        Duration windows = a.window().multipliedBy(12);
        return replay.compareTo(windows) > 0 ? replay : windows;
    }

    /** One request to a ranged source (Prometheus' query_range) when the steps are evenly spaced. */
    static double[] values(Assumption a, Bound bound, Instant at) {
        long end = at.toEpochMilli();
        long span = span(a).toMillis();
        long[] ends = new long[STEPS];
        for (int i = 0; i < STEPS; i++) {
            ends[i] = end - span + span * (i + 1) / STEPS;
        }
        return bound.values(ends, a.window().toMillis());
    }
}
