package dev.revisit.collector.verdict;

import java.util.Locale;

/**
 * What the evidence says about a decision or one of its assumptions, from least to most urgent.
 * A decision takes the most urgent verdict of its assumptions and its calendar: a measured breach
 * ({@code review}) outranks the calendar ({@code review_due}), which outranks a warning
 * ({@code at_risk}); an assumption nobody can check ({@code no_data}) still outranks {@code holds},
 * because it cannot be claimed to hold.
 */
public enum Verdict {
    HOLDS, NO_DATA, AT_RISK, REVIEW_DUE, REVIEW;

    /** The name used in output and the docs: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether the team should revisit the decision now. */
    public boolean warrantsReview() {
        return this == REVIEW || this == REVIEW_DUE;
    }
}
