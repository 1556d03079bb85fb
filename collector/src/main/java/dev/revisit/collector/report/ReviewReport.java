package dev.revisit.collector.report;

import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Markdown review pack for an architecture review: a summary table, then per decision (most
 * urgent first) its rationale, alternatives, consequences, verdict, evidence and the questions to
 * discuss.
 */
public final class ReviewReport {

    private ReviewReport() {}

    public static String render(Evaluation evaluation, String decisionsFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Architecture review\n\n");
        md.append("Decisions from `").append(decisionsFile).append("`, evaluated at ").append(evaluation.at())
                .append(". ").append(VerdictTable.summary(evaluation)).append(".\n\n");
        List<DecisionVerdict> ordered = evaluation.decisions().stream()
                .sorted(Comparator.comparing((DecisionVerdict d) -> d.verdict()).reversed()).toList();
        md.append("| Decision | Area | Verdict | Why |\n|---|---|---|---|\n");
        for (DecisionVerdict d : ordered) {
            md.append("| [").append(cell(d.decision().id())).append("](#").append(anchor(d.decision())).append(") ")
                    .append(cell(d.decision().title())).append(" | ").append(d.decision().area().key()).append(" | **")
                    .append(d.verdict().key()).append("** | ").append(cell(d.reason())).append(" |\n");
        }
        for (DecisionVerdict d : ordered) {
            decision(md, d);
        }
        return md.toString();
    }

    private static void decision(StringBuilder md, DecisionVerdict v) {
        Decision d = v.decision();
        md.append("\n## ").append(d.id()).append(": ").append(d.title()).append("\n\n");
        md.append("**Verdict: ").append(v.verdict().key()).append("**: ").append(v.reason()).append("\n\n");
        md.append("Area ").append(d.area().key());
        if (d.owner() != null) {
            md.append(" · owner ").append(d.owner());
        }
        md.append(" · decided ").append(d.decided());
        if (d.lastReviewed() != null) {
            md.append(" · last reviewed ").append(d.lastReviewed());
        }
        if (v.reviewDue() != null) {
            md.append(" · next review due ").append(v.reviewDue());
        }
        if (d.link() != null) {
            md.append(" · [record](").append(d.link()).append(')');
        }
        md.append("\n");
        section(md, "Rationale", d.rationale() == null ? List.of() : List.of(d.rationale()), false);
        section(md, "Alternatives considered", d.alternatives(), true);
        section(md, "Consequences", d.consequences(), d.consequences().size() > 1);
        if (!v.assumptions().isEmpty()) {
            md.append("\n### Evidence\n\n");
            md.append("| Assumption | Scope | Expected | Measured | Window | For | Since | Trend | Verdict |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (AssumptionVerdict a : v.assumptions()) {
                md.append("| ").append(a.assumption().signal().name()).append(" | ").append(cell(Evidence.scope(a.assumption())))
                        .append(" | ").append(cell(a.assumption().expect().text())).append(" | ").append(Evidence.measured(a))
                        .append(" | ").append(Evidence.window(a.assumption())).append(" | ").append(Evidence.sustain(a.assumption()))
                        .append(" | ").append(Evidence.since(a)).append(" | ").append(Evidence.trend(a))
                        .append(" | ").append(a.verdict().key()).append(" |\n");
            }
            md.append("\nTo look further (PromQL):\n\n");
            for (AssumptionVerdict a : v.assumptions()) {
                md.append("- `").append(Evidence.promql(a.assumption())).append("`\n");
            }
        }
        section(md, "Questions to discuss", questions(v), true);
    }

    /** The decision's own questions, then those of every assumption that does not simply hold. */
    private static List<String> questions(DecisionVerdict v) {
        Set<String> questions = new LinkedHashSet<>(v.decision().questions());
        for (AssumptionVerdict a : v.assumptions()) {
            if (a.verdict() != Verdict.HOLDS || v.verdict() == Verdict.REVIEW_DUE) {
                questions.addAll(a.questions());
            }
        }
        if (v.verdict() == Verdict.REVIEW_DUE) {
            questions.add("Do the context and the constraints this decision was made under still hold?");
        }
        return List.copyOf(questions);
    }

    private static void section(StringBuilder md, String title, List<String> items, boolean list) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n");
        for (String item : items) {
            md.append(list ? "- " : "").append(item.strip()).append("\n");
        }
    }

    private static String anchor(Decision d) {
        return (d.id() + "-" + d.title()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
