package dev.revisit.collector.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;

/**
 * The verdicts as JSON, for scripts: values in the signal's base unit (seconds, fractions), NaN
 * as null, times as ISO-8601.
 */
public final class VerdictJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerdictJson() {}

    public static String render(Evaluation evaluation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", evaluation.at().toString());
        root.put("warrants_review", evaluation.warrantsReview());
        ArrayNode decisions = root.putArray("decisions");
        for (DecisionVerdict d : evaluation.decisions()) {
            decisions.add(decision(d));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One decision's verdict with its assumptions' evidence: the shape the API serves too. */
    public static ObjectNode decision(DecisionVerdict d) {
        ObjectNode dn = JSON.createObjectNode();
        dn.put("id", d.decision().id());
        dn.put("title", d.decision().title());
        dn.put("area", d.decision().area().key());
        dn.put("verdict", d.verdict().key());
        dn.put("reason", d.reason());
        dn.put("review_due", d.reviewDue() == null ? null : d.reviewDue().toString());
        ArrayNode assumptions = dn.putArray("assumptions");
        for (AssumptionVerdict a : d.assumptions()) {
            ObjectNode an = assumptions.addObject();
            an.put("signal", a.assumption().signal().name());
            ObjectNode scope = an.putObject("scope");
            a.assumption().scope().patterns().forEach(scope::put);
            an.put("expect", a.assumption().expect().text());
            an.put("threshold", a.assumption().expect().value());
            an.put("unit", a.assumption().signal().unit().ucum());
            number(an, "value", a.value());
            an.put("window", Evidence.window(a.assumption()));
            an.put("for", Evidence.sustain(a.assumption()));
            an.put("since", a.since() == null ? null : a.since().toString());
            number(an, "slope_per_day", a.slopePerDay());
            an.put("verdict", a.verdict().key());
            an.put("reason", a.reason());
            an.put("promql", Evidence.promql(a.assumption()));
            ArrayNode questions = an.putArray("questions");
            a.questions().forEach(questions::add);
        }
        return dn;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
