package dev.revisit.collector.verdict;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.Unit;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.decisions.Threshold;
import java.time.Instant;
import java.util.List;

/**
 * Judges one assumption at an instant, statelessly: it evaluates the signal at {@link #STEPS}
 * steps over the last two {@code for} periods and replays them, so a one-shot {@code evaluate}
 * and a {@code serve} loop reach the same verdict from the same data (and a Prometheus source
 * can do the same with query_range).
 *
 * <p>The replay: a breach becomes {@code review} once every step for {@code for} breaks the
 * threshold; it clears only when a step holds by half the warning margin. The first period
 * warms the replay up, so a breach that began before the lookback is still seen.
 */
final class Assessor {

    /** Steps over the lookback of 2 × {@code for}. */
    static final int STEPS = 12;
    /** A breach clears when the value holds by this share of the warning margin. */
    static final double CLEAR_SHARE = 0.5;

    private Assessor() {}

    static AssumptionVerdict assess(Assumption a, Bound bound, long at, List<String> questions) {
        long sustain = a.sustain().toMillis();
        long window = a.window().toMillis();
        int steps = sustain == 0 ? 0 : STEPS;
        long[] times = new long[steps + 1];
        double[] values = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            times[k] = steps == 0 ? at : at - 2 * sustain + 2 * sustain * k / steps;
            values[k] = bound.value(times[k] - window, times[k]);
        }
        Threshold threshold = a.expect();
        double margin = a.warn().of(threshold);
        Unit unit = a.signal().unit();
        double value = values[steps];
        Trend trend = Trend.fit(times, values);
        double slope = trend == null ? Double.NaN : trend.slopePerDay();

        if (Double.isNaN(value)) {
            Instant last = null;
            for (int k = steps; k >= 0; k--) {
                if (!Double.isNaN(values[k])) {
                    last = Instant.ofEpochMilli(times[k]);
                    break;
                }
            }
            String reason = "no data for " + a.signal().name() + " in " + a.scope() + " over the last "
                    + Durations.format(a.window()) + (last == null ? "" : "; last seen " + last);
            return new AssumptionVerdict(a, Verdict.NO_DATA, value, last, slope, reason, questions);
        }

        // replay: breached once the breach has lasted `for`; cleared once it holds by the clear margin
        boolean breached = false;
        long runStart = -1;
        for (int k = 0; k <= steps; k++) {
            double v = values[k];
            if (Double.isNaN(v)) {
                continue;
            }
            boolean broken = !threshold.holds(v);
            if (breached) {
                if (threshold.holdsBy(v, margin * CLEAR_SHARE)) {
                    breached = false;
                    runStart = -1;
                }
            } else if (broken) {
                if (runStart < 0) {
                    runStart = times[k];
                }
                breached = times[k] - runStart >= sustain;
            } else {
                runStart = -1;
            }
        }
        String measured = a.signal().name() + " = " + unit.format(value);
        Instant since = runStart < 0 ? null : Instant.ofEpochMilli(runStart);
        if (breached) {
            return new AssumptionVerdict(a, Verdict.REVIEW, value, since, slope,
                    measured + " breaks " + threshold + " since " + since + " (longer than "
                            + Durations.format(a.sustain()) + ")", questions);
        }
        if (!threshold.holds(value)) {
            return new AssumptionVerdict(a, Verdict.AT_RISK, value, since, slope,
                    measured + " breaks " + threshold + " since " + since + ", not yet for "
                            + Durations.format(a.sustain()), questions);
        }
        if (!threshold.holdsBy(value, margin)) {
            return new AssumptionVerdict(a, Verdict.AT_RISK, value, null, slope,
                    measured + " is within the warning margin (" + a.warn() + ") of " + threshold, questions);
        }
        long horizon = 2 * sustain;
        if (trend != null && horizon > 0 && !threshold.holds(trend.at(at + horizon))) {
            return new AssumptionVerdict(a, Verdict.AT_RISK, value, null, slope,
                    measured + " holds " + threshold + " but its trend (" + unit.format(slope) + "/day) crosses it within "
                            + Durations.format(java.time.Duration.ofMillis(horizon)), questions);
        }
        return new AssumptionVerdict(a, Verdict.HOLDS, value, null, slope, measured + " holds " + threshold, questions);
    }
}
