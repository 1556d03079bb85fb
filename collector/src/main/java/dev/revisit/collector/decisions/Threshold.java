package dev.revisit.collector.decisions;

/**
 * An expectation such as {@code ">= 0.85"} or {@code "< 50ms"}: a comparison against a value in
 * the signal's base unit (seconds, a fraction, messages, per second).
 *
 * @param text the expectation as written, for evidence
 */
public record Threshold(Comparison comparison, double value, String text) {

    public boolean holds(double measured) {
        return comparison.test(measured, value);
    }

    /**
     * Whether {@code measured} holds with {@code margin} to spare: the threshold moved by
     * {@code margin} towards the good side.
     */
    public boolean holdsBy(double measured, double margin) {
        double moved = comparison.higherIsBetter() ? value + margin : value - margin;
        return comparison.test(measured, moved);
    }

    @Override
    public String toString() {
        return text;
    }
}
