package dev.revisit.collector.decisions;

/** The comparison an expectation makes. */
public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double value, double threshold) {
        return switch (this) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
        };
    }

    /** Whether a larger value is the good direction (the threshold is a floor). */
    public boolean higherIsBetter() {
        return this == GT || this == GE;
    }
}
