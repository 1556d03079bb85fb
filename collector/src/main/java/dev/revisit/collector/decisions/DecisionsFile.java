package dev.revisit.collector.decisions;

import java.util.List;
import java.util.Map;

/**
 * A parsed, valid decisions file.
 *
 * @param questions extra review questions per signal name, added to the built-in ones
 */
public record DecisionsFile(String source, List<Decision> decisions, Map<String, List<String>> questions) {

    public int assumptionCount() {
        return decisions.stream().mapToInt(d -> d.assumptions().size()).sum();
    }
}
