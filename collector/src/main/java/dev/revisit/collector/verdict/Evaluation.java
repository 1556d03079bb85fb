package dev.revisit.collector.verdict;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every decision's verdict at one instant. */
public record Evaluation(Instant at, List<DecisionVerdict> decisions) {

    public boolean warrantsReview() {
        return decisions.stream().anyMatch(d -> d.verdict().warrantsReview());
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        decisions.forEach(d -> counts.merge(d.verdict(), 1, Integer::sum));
        return counts;
    }
}
