package dev.revisit.collector.reviewlog;

import dev.revisit.collector.engine.VerdictLoop;
import dev.revisit.collector.report.VerdictJson;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each verdict transition, with the decision's evidence at that moment, to the review
 * log. After a restart the first round compares against the last verdict the log holds, so a
 * restart does not record every decision anew.
 */
public final class HistoryRecorder implements VerdictLoop.Listener {

    private final ReviewLog log;
    private Map<String, String> last;

    public HistoryRecorder(ReviewLog log) {
        this.log = log;
    }

    @Override
    public void evaluated(Evaluation before, Evaluation after, long nanos) {
        if (last == null) {
            last = lastKnown(after);
        }
        List<Transition> transitions = new ArrayList<>();
        for (DecisionVerdict d : after.decisions()) {
            String id = d.decision().id();
            String was = last.get(id);
            String now = d.verdict().key();
            if (!now.equals(was)) {
                transitions.add(new Transition(id, after.at(), was, now, d.reason(), VerdictJson.decision(d).toString()));
                last.put(id, now);
            }
        }
        log.recordTransitions(transitions);
    }

    /** The latest verdict in the log per decision; empty for what the log cannot say (or while it is away). */
    private Map<String, String> lastKnown(Evaluation evaluation) {
        Map<String, String> known = new HashMap<>();
        for (DecisionVerdict d : evaluation.decisions()) {
            try {
                List<Transition> history = log.history(d.decision().id());
                if (!history.isEmpty()) {
                    known.put(d.decision().id(), history.get(history.size() - 1).to());
                }
            } catch (ReviewLogUnavailableException e) {
                // unknown: this round records the current verdict again, which is a duplicate at worst, never a loss
            }
        }
        return known;
    }
}
