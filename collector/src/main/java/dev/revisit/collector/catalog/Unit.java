package dev.revisit.collector.catalog;

/**
 * What a signal's value measures, which decides how its thresholds are written: a latency
 * needs a time unit ({@code "< 50ms"}), a ratio takes a fraction or a percentage
 * ({@code ">= 0.85"}, {@code ">= 85%"}), a count or a rate takes a plain number.
 */
public enum Unit {
    /** A fraction between 0 and 1. */
    RATIO("1", "a fraction (0.85) or a percentage (85%)"),
    /** A duration, held in seconds. */
    SECONDS("s", "a duration with its unit (us, ms, s, m, h), e.g. 50ms"),
    /** A number of messages. */
    MESSAGES("{message}", "a number of messages, e.g. 1000"),
    /** Events per second. */
    PER_SECOND("1/s", "a rate per second (100 or 100/s), or per minute (6000/min)");

    private final String ucum;
    private final String thresholdHint;

    Unit(String ucum, String thresholdHint) {
        this.ucum = ucum;
        this.thresholdHint = thresholdHint;
    }

    /** The UCUM unit of the value. */
    public String ucum() {
        return ucum;
    }

    /** How a threshold on a signal of this unit is written, for error messages. */
    public String thresholdHint() {
        return thresholdHint;
    }

    /** Renders a value of this unit for people: 0.8512 → 85.1%, 0.0421 s → 42.1ms. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return switch (this) {
            case RATIO -> trim(value * 100) + "%";
            case SECONDS -> formatSeconds(value);
            case MESSAGES -> trim(value);
            case PER_SECOND -> trim(value) + "/s";
        };
    }

    private static String formatSeconds(double seconds) {
        double abs = Math.abs(seconds);
        if (abs != 0 && abs < 1e-3) {
            return trim(seconds * 1e6) + "us";
        }
        if (abs < 1) {
            return trim(seconds * 1e3) + "ms";
        }
        return trim(seconds) + "s";
    }

    private static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
