package dev.revisit.collector.rules;

import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Comparison;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.Durations;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The three rules of one assumption: the recording rule computing its signal, the alert that flags
 * the decision for review once the expectation has been broken for the assumption's {@code for},
 * and the alert that says it cannot be checked (no series, or NaN such as 0 ÷ 0) — so that a
 * missing signal is a finding, never a silent "holds".
 */
final class AssumptionRules {

    private AssumptionRules() {}

    /**
     * @param position       the assumption's 1-based position in its decision, as the collector's gauges number it
     * @param extraQuestions the decisions file's own questions for this signal
     */
    static List<Rule> of(Decision decision, int position, Assumption assumption, List<String> extraQuestions) {
        String window = Durations.format(assumption.window());
        String record = RuleNames.recording(assumption.signal().name(), window);

        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("decision", decision.id());
        identity.put("area", decision.area().key());
        identity.put("assumption", Integer.toString(position));
        String series = record + "{decision=" + RuleNames.quoted(decision.id())
                + ",assumption=" + RuleNames.quoted(Integer.toString(position)) + "}";

        String signalQuery = assumption.signal().promql().render(PromQl.Selector.of(assumption.scope()), window);
        String threshold = plain(assumption.expect().value());
        String broken = series + " " + breach(assumption.expect().comparison()) + " " + threshold;
        // absent() covers a scope without series; x != x keeps only NaN, which no comparison ever breaks
        String noData = "absent(" + series + ") or (" + series + " != " + series + ")";
        String forDuration = Durations.format(assumption.sustain());

        Map<String, String> labels = new LinkedHashMap<>(identity);
        if (decision.owner() != null) {
            labels.put("owner", decision.owner());
        }
        labels.put("signal", assumption.signal().name());

        Map<String, String> brokenLabels = new LinkedHashMap<>(labels);
        brokenLabels.put("verdict", "review");
        Map<String, String> noDataLabels = new LinkedHashMap<>(labels);
        noDataLabels.put("verdict", "no_data");

        String what = assumption.signal().name() + " " + assumption.expect().text() + " over " + window
                + scopeText(assumption);
        Map<String, String> brokenNotes = annotations(decision,
                decision.id() + " (" + decision.title() + ") rests on " + what + ", broken for " + forDuration
                        + ": revisit the decision.",
                questions(decision, assumption, extraQuestions));
        Map<String, String> noDataNotes = annotations(decision,
                decision.id() + " (" + decision.title() + ") rests on " + what + ", which has had no data for "
                        + forDuration + ": an observability gap, so the assumption cannot be checked.",
                List.of());

        return List.of(
                Rule.record(record, signalQuery, identity),
                Rule.alert(RuleNames.BROKEN_ALERT, broken, forDuration, brokenLabels, brokenNotes),
                Rule.alert(RuleNames.NO_DATA_ALERT, noData, forDuration, noDataLabels, noDataNotes));
    }

    /**
     * Rulers expand annotations as Go templates: a title or question containing {@code {{} must
     * come out as written rather than break the rule file.
     */
    static String literal(String text) {
        return text.replace("{{", "{{ \"{{\" }}");
    }

    /** The comparison that is true exactly when the expectation is not met. */
    static String breach(Comparison expected) {
        return switch (expected) {
            case LT -> ">=";
            case LE -> ">";
            case GT -> "<=";
            case GE -> "<";
        };
    }

    /** A threshold as a PromQL number literal, without binary-float noise or exponent. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String scopeText(Assumption assumption) {
        if (assumption.scope().patterns().isEmpty()) {
            return "";
        }
        return " in " + assumption.scope().patterns().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static List<String> questions(Decision decision, Assumption assumption, List<String> extra) {
        List<String> all = new java.util.ArrayList<>(assumption.signal().questions());
        all.addAll(extra);
        all.addAll(decision.questions());
        return all;
    }

    private static Map<String, String> annotations(Decision decision, String description, List<String> questions) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("summary", decision.id() + ": " + decision.title());
        notes.put("description", description);
        if (decision.link() != null) {
            notes.put("link", decision.link());
        }
        if (!questions.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < questions.size(); i++) {
                text.append(i + 1).append(". ").append(questions.get(i)).append('\n');
            }
            notes.put("questions", text.toString().strip());
        }
        notes.replaceAll((key, value) -> literal(value));
        return notes;
    }
}
