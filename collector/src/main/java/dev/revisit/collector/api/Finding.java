package dev.revisit.collector.api;

import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Something the team should look at: an assumption that does not hold (review, at_risk,
 * no_data) or a decision whose review is due.
 *
 * @param id         stable across rounds: {@code <decision>#<assumption position>} or {@code <decision>#calendar},
 *                   so an acknowledgement or snooze keeps applying to it
 * @param assumption 1-based position of the assumption in its decision, or 0 for the calendar
 */
public record Finding(String id, DecisionVerdict decision, int assumption, Verdict verdict, String reason) {

    public static final String CALENDAR = "calendar";

    /** Every finding of an evaluation, most urgent first, then in the file's order. */
    public static List<Finding> of(Evaluation evaluation) {
        List<Finding> findings = new ArrayList<>();
        for (DecisionVerdict d : evaluation.decisions()) {
            String id = d.decision().id();
            if (d.reviewDue() != null && !evaluation.at().atZone(java.time.ZoneOffset.UTC).toLocalDate().isBefore(d.reviewDue())) {
                findings.add(new Finding(id + "#" + CALENDAR, d, 0, Verdict.REVIEW_DUE, "review due since " + d.reviewDue()));
            }
            for (int i = 0; i < d.assumptions().size(); i++) {
                AssumptionVerdict a = d.assumptions().get(i);
                if (a.verdict() != Verdict.HOLDS) {
                    findings.add(new Finding(id + "#" + (i + 1), d, i + 1, a.verdict(), a.reason()));
                }
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.verdict().ordinal()).reversed());
        return findings;
    }

    /** The decision's id. */
    public String decisionId() {
        return decision.decision().id();
    }
}
