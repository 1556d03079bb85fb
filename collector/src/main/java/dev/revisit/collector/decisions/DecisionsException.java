package dev.revisit.collector.decisions;

import java.util.List;
import java.util.stream.Collectors;

/** A decisions file that cannot be used, with every mistake found in it. */
public final class DecisionsException extends Exception {

    private final transient List<Problem> problems;

    public DecisionsException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
