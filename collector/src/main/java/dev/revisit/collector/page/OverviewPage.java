package dev.revisit.collector.page;

import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.util.List;
import java.util.Map;

/** {@code /}: counts by verdict, then one table per area with each decision's verdict and why. */
final class OverviewPage {

    private OverviewPage() {}

    static String render(Evaluation evaluation) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Decisions</h1><p class=\"muted\">evaluated ").append(Html.esc(evaluation.at().toString())).append("</p>");
        b.append("<p class=\"counts\">");
        for (Map.Entry<Verdict, Integer> e : evaluation.counts().entrySet()) {
            b.append("<span>").append(Layout.verdict(e.getKey().key())).append(" <span class=\"count\" data-verdict=\"")
                    .append(e.getKey().key()).append("\">").append(e.getValue()).append("</span></span>");
        }
        b.append("</p>");
        for (Area area : Area.values()) {
            List<DecisionVerdict> inArea = evaluation.decisions().stream().filter(d -> d.decision().area() == area).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            b.append("<section class=\"area\" id=\"area-").append(area.key()).append("\"><h2>").append(area.key())
                    .append("</h2><table><thead><tr><th>decision</th><th>title</th><th>owner</th><th>verdict</th><th>why</th></tr></thead><tbody>");
            for (DecisionVerdict d : inArea) {
                b.append("<tr class=\"decision\" data-id=\"").append(Html.esc(d.decision().id())).append("\"><td><a href=\"/decisions/")
                        .append(Html.esc(Html.pathSegment(d.decision().id()))).append("\">").append(Html.esc(d.decision().id()))
                        .append("</a></td><td>").append(Html.esc(d.decision().title())).append("</td><td>")
                        .append(Html.esc(d.decision().owner())).append("</td><td>").append(Layout.verdict(d.verdict().key()))
                        .append("</td><td class=\"reason\">").append(Html.esc(d.reason())).append("</td></tr>");
            }
            b.append("</tbody></table></section>");
        }
        if (evaluation.decisions().isEmpty()) {
            b.append("<p>No decisions declared yet.</p>");
        }
        return Layout.page("Decisions", b.toString());
    }
}
