package dev.revisit.collector.page;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.Coverage;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /decisions/{id}}: the record (rationale, owner, review dates), then each assumption with
 * its verdict, evidence, review questions and a chart of the signal against its threshold.
 */
final class DecisionPage {

    private DecisionPage() {}

    static String render(DecisionVerdict d, Evaluation evaluation, Function<Assumption, Bound> store) {
        Decision decision = d.decision();
        StringBuilder b = new StringBuilder();
        b.append("<h1><span class=\"id\">").append(Html.esc(decision.id())).append("</span> ")
                .append(Html.esc(decision.title())).append("</h1>");
        b.append("<p>").append(Layout.verdict(d.verdict().key())).append(" <span class=\"reason\">")
                .append(Html.esc(d.reason())).append("</span></p>");
        b.append("<dl>");
        row(b, "area", decision.area().key());
        row(b, "owner", decision.owner());
        row(b, "decided", String.valueOf(decision.decided()));
        row(b, "last reviewed", decision.lastReviewed() == null ? "never" : decision.lastReviewed().toString());
        row(b, "review due", d.reviewDue() == null ? "not scheduled" : d.reviewDue().toString());
        if (decision.link() != null) {
            String href = Html.safeHref(decision.link());
            b.append("<dt>record</dt><dd>").append(href == null ? Html.esc(decision.link())
                    : "<a rel=\"noopener noreferrer\" href=\"" + Html.esc(href) + "\">" + Html.esc(decision.link()) + "</a>").append("</dd>");
        }
        b.append("</dl>");
        if (decision.rationale() != null) {
            b.append("<h2>Rationale</h2><p class=\"rationale\">").append(Html.esc(decision.rationale())).append("</p>");
        }
        list(b, "Alternatives considered", decision.alternatives());
        list(b, "Consequences", decision.consequences());
        b.append("<h2>Assumptions</h2>");
        if (d.assumptions().isEmpty()) {
            b.append("<p class=\"muted\">None declared: only the calendar speaks for this decision.</p>");
        }
        for (int i = 0; i < d.assumptions().size(); i++) {
            assumption(b, i + 1, d.assumptions().get(i), evaluation.at(), store);
        }
        list(b, "Questions for the review", decision.questions());
        b.append("<p class=\"muted\">evaluated ").append(Html.esc(evaluation.at().toString()))
                .append(" · <a href=\"/api/v1/decisions/").append(Html.esc(Html.pathSegment(decision.id()))).append("\">JSON</a></p>");
        return Layout.page(decision.id() + " " + decision.title(), b.toString());
    }

    private static void assumption(StringBuilder b, int position, AssumptionVerdict v, Instant at,
                                   Function<Assumption, Bound> store) {
        Assumption a = v.assumption();
        b.append("<div class=\"assumption\" data-position=\"").append(position).append("\"><p><strong>")
                .append(Html.esc(a.signal().name())).append("</strong> ").append(Html.esc(a.expect().text()))
                .append(" in <code>").append(Html.esc(scope(a))).append("</code> ").append(Layout.verdict(v.verdict().key()))
                .append("</p><p class=\"reason\">").append(Html.esc(v.reason())).append("</p><dl>");
        row(b, "measured", Double.isNaN(v.value()) ? "no data" : a.signal().unit().format(v.value()));
        row(b, "threshold", a.expect().text());
        row(b, "window", Durations.format(a.window()));
        row(b, "for", Durations.format(a.sustain()));
        row(b, "since", v.since() == null ? "—" : v.since().toString());
        row(b, "trend", Double.isNaN(v.slopePerDay()) ? "—"
                : (v.slopePerDay() > 0 ? "+" : "") + a.signal().unit().format(v.slopePerDay()) + "/day");
        b.append("</dl>");
        if (!(a.signal().computation() instanceof Coverage)) {
            b.append(chart(a, store, at));
        }
        list(b, "Questions", v.questions());
        b.append("</div>");
    }

    private static String chart(Assumption a, Function<Assumption, Bound> store, Instant at) {
        double[] values;
        try {
            values = SignalHistory.values(a, store.apply(a), at);
        } catch (RuntimeException e) {
            // a remote store that fails now costs the chart, not the page
            return "<p class=\"muted\">No chart: " + Html.esc(String.valueOf(e.getMessage())) + "</p>";
        }
        return "<figure>" + Chart.svg(values, a.expect().value(), a.signal().unit(), a.signal().name() + " against "
                + a.expect().text()) + "<figcaption class=\"muted\">last " + Html.esc(Durations.format(SignalHistory.span(a)))
                + ", each point over " + Html.esc(Durations.format(a.window())) + "; dashed: the threshold</figcaption></figure>";
    }

    private static String scope(Assumption a) {
        Map<String, String> p = a.scope().patterns();
        return p.isEmpty() ? "everything" : p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder b, String term, String value) {
        b.append("<dt>").append(Html.esc(term)).append("</dt><dd>").append(Html.esc(value == null ? "—" : value)).append("</dd>");
    }

    private static void list(StringBuilder b, String heading, List<String> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        b.append("<h3>").append(Html.esc(heading)).append("</h3><ul>");
        items.forEach(item -> b.append("<li>").append(Html.esc(item)).append("</li>"));
        b.append("</ul>");
    }
}
