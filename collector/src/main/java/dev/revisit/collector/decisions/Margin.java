package dev.revisit.collector.decisions;

/**
 * The warning margin of an assumption: {@code 10%} of the threshold, or an absolute amount in the
 * signal's unit ({@code 5ms}, {@code 0.02}, {@code 200}).
 */
public record Margin(double amount, boolean relative, String text) {

    public static final Margin DEFAULT = new Margin(0.10, true, "10%");

    /** The margin in the signal's unit, for a given threshold. */
    public double of(Threshold threshold) {
        return relative ? Math.abs(threshold.value()) * amount : amount;
    }

    @Override
    public String toString() {
        return text;
    }
}
