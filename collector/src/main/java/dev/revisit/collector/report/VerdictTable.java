package dev.revisit.collector.report;

import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The verdicts as a plain-text table for a terminal: one line per decision, its assumptions under it. */
public final class VerdictTable {

    private VerdictTable() {}

    public static void print(Evaluation evaluation, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DECISION", "VERDICT", "AREA", "WHY"});
        for (DecisionVerdict d : evaluation.decisions()) {
            rows.add(new String[] {d.decision().id(), d.verdict().key(), d.decision().area().key(), d.reason()});
            for (AssumptionVerdict a : d.assumptions()) {
                rows.add(new String[] {"", "  " + a.verdict().key(), "", a.assumption().signal().name() + " "
                        + a.assumption().expect() + " in " + Evidence.scope(a.assumption()) + ": " + a.reason()});
            }
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s%n", row[0], row[1], row[2], row[3]);
        }
        out.println();
        out.println("at " + evaluation.at() + ": " + summary(evaluation));
        out.flush();
    }

    /** "6 decisions: 1 review, 1 review_due, 2 at_risk, 1 no_data, 1 holds". */
    public static String summary(Evaluation evaluation) {
        StringBuilder s = new StringBuilder(evaluation.decisions().size() + " decisions");
        String sep = ": ";
        Map<Verdict, Integer> counts = evaluation.counts();
        Verdict[] order = Verdict.values();
        for (int i = order.length - 1; i >= 0; i--) {
            if (counts.get(order[i]) > 0) {
                s.append(sep).append(counts.get(order[i])).append(' ').append(order[i].key());
                sep = ", ";
            }
        }
        return s.toString();
    }
}
