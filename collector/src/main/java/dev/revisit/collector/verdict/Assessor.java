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
 * threshold; it clears only when a step holds by half the warning margin ("clear"). When the
 * lookback does not begin clear, the replay reaches further back, step by step (at most
 * {@link #MAX_BACK} steps, and not across a gap in the data as long as {@code for}), to the last
 * clear step: so a value hovering just on the good side of the threshold after a breach keeps the
 * verdict at {@code review}, and "since" is the breach's real start. A value clear now needs no
 * replay (it ends any breach): only the trend's steps are computed then.
 *
 * <p>A {@linkplain Bound#ranged() ranged} source (Prometheus) is asked for the whole lookback in
 * one request, and for the whole reach back in a second one when the replay needs it; the values
 * at each step, and so the verdict, are those of the step-by-step path.
 */
final class Assessor {

    /** Steps over the lookback of 2 × {@code for}. */
    static final int STEPS = 12;
    /** A breach clears when the value holds by this share of the warning margin. */
    static final double CLEAR_SHARE = 0.5;
    /** The trend is fitted on every third step (5 points over the lookback). */
    static final int TREND_EVERY = 3;
    /** How far the replay may reach back before the lookback: 20 lookbacks. */
    static final int MAX_BACK = 20 * STEPS;

    private Assessor() {}

    static AssumptionVerdict assess(Assumption a, Bound bound, long at, List<String> questions) {
        long sustain = a.sustain().toMillis();
        long window = a.window().toMillis();
        int steps = sustain == 0 ? 0 : STEPS;
        long[] times = lookback(a, at);
        double[] values = new double[steps + 1];
        Threshold threshold = a.expect();
        double margin = a.warn().of(threshold);
        double clearMargin = margin * CLEAR_SHARE;
        Unit unit = a.signal().unit();
        boolean ranged = bound.ranged();
        double value;
        if (ranged) {
            // one request for now and the whole lookback: asking again for what turns out needed would cost more
            values = bound.values(times, window);
            value = values[steps];
        } else {
            value = bound.value(at - window, at);
            values[steps] = value;
        }
        // A clear value now ends any breach, so only the trend needs the past: its steps suffice.
        boolean clearNow = !Double.isNaN(value) && threshold.holdsBy(value, clearMargin);
        for (int k = 0; !ranged && k < steps; k++) {
            values[k] = clearNow && k % TREND_EVERY != 0 ? Double.NaN : bound.value(times[k] - window, times[k]);
        }
        Trend trend = trend(times, values);
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

        long step = steps == 0 ? 0 : 2 * sustain / steps;
        int back = 0; // steps before the lookback the replay starts from
        double[] before = new double[MAX_BACK + 1]; // before[b]: the value b steps before the lookback
        if (step > 0 && !clearNow) {
            double v = values[0];
            double[] earlier = null; // a ranged bound's whole reach back, fetched at once when first needed
            int gap = 0; // consecutive steps without data: a gap as long as `for` ends the history
            while (back < MAX_BACK && gap < STEPS / 2 && (Double.isNaN(v) || !threshold.holdsBy(v, clearMargin))) {
                back++;
                long t = times[0] - back * step;
                if (ranged && earlier == null) {
                    earlier = bound.values(reachBack(times[0], step), window);
                }
                v = ranged ? earlier[MAX_BACK - back] : bound.value(t - window, t);
                before[back] = v;
                gap = Double.isNaN(v) ? gap + 1 : 0;
            }
        }
        // replay: breached once the breach has lasted `for`; cleared once a step is clear
        boolean breached = false;
        long runStart = -1;
        for (int k = clearNow ? steps : -back; k <= steps; k++) {
            long t = k < 0 ? times[0] + k * step : times[k];
            double v = k < 0 ? before[-k] : values[k];
            if (Double.isNaN(v)) {
                continue;
            }
            boolean broken = !threshold.holds(v);
            if (breached) {
                if (threshold.holdsBy(v, clearMargin)) {
                    breached = false;
                    runStart = -1;
                }
            } else if (broken) {
                if (runStart < 0) {
                    runStart = t;
                }
                breached = t - runStart >= sustain;
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

    /** The ends of the windows the lookback evaluates, ascending: {@code at} alone when {@code for} is 0. */
    static long[] lookback(Assumption a, long at) {
        long sustain = a.sustain().toMillis();
        int steps = sustain == 0 ? 0 : STEPS;
        long[] times = new long[steps + 1];
        for (int k = 0; k <= steps; k++) {
            times[k] = steps == 0 ? at : at - 2 * sustain + 2 * sustain * k / steps;
        }
        return times;
    }

    /**
     * The ends of the reach back's windows when the replay of a lookback with these values will
     * need them (the same test {@link #assess} makes), else null: for a source that fetches ahead.
     */
    static long[] reachBackIfNeeded(Assumption a, long[] lookback, double[] values) {
        long sustain = a.sustain().toMillis();
        if (sustain == 0 || values.length != STEPS + 1) {
            return null;
        }
        Threshold threshold = a.expect();
        double clearMargin = a.warn().of(threshold) * CLEAR_SHARE;
        double value = values[STEPS];
        boolean clearNow = !Double.isNaN(value) && threshold.holdsBy(value, clearMargin);
        if (Double.isNaN(value) || clearNow || (!Double.isNaN(values[0]) && threshold.holdsBy(values[0], clearMargin))) {
            return null;
        }
        return reachBack(lookback[0], 2 * sustain / STEPS);
    }

    /** The ends of the {@link #MAX_BACK} steps before {@code first}, ascending: the earliest first. */
    private static long[] reachBack(long first, long step) {
        long[] ends = new long[MAX_BACK];
        for (int b = 1; b <= MAX_BACK; b++) {
            ends[MAX_BACK - b] = first - b * step;
        }
        return ends;
    }

    /** The least-squares line through every {@link #TREND_EVERY}th step, the same whatever the replay needed. */
    private static Trend trend(long[] times, double[] values) {
        int n = (times.length - 1) / TREND_EVERY + 1;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = times[i * TREND_EVERY];
            v[i] = values[i * TREND_EVERY];
        }
        return Trend.fit(t, v);
    }
}
