package dev.revisit.collector.decisions;

import dev.revisit.collector.catalog.Unit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads expectations ({@code ">= 0.85"}, {@code "< 50ms"}) and margins in a signal's unit. */
public final class Quantities {

    private static final Pattern EXPECT = Pattern.compile("\\s*(<=|>=|<|>)?\\s*(.*?)\\s*");
    private static final Pattern AMOUNT = Pattern.compile("(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)");

    private Quantities() {}

    /** Parses an expectation; the exception's message says what is wrong, for people. */
    public static Threshold threshold(String text, String signal, Unit unit) {
        Matcher m = EXPECT.matcher(text);
        m.matches();
        if (m.group(1) == null) {
            throw new IllegalArgumentException("'" + text + "' needs a comparison: <, <=, > or >= and then "
                    + unit.thresholdHint());
        }
        Comparison comparison = switch (m.group(1)) {
            case "<" -> Comparison.LT;
            case "<=" -> Comparison.LE;
            case ">" -> Comparison.GT;
            default -> Comparison.GE;
        };
        return new Threshold(comparison, amount(m.group(2), signal, unit), text.trim());
    }

    /** Parses a warning margin: a percentage of the threshold, or an absolute amount in the signal's unit. */
    public static Margin margin(String text, String signal, Unit unit) {
        String trimmed = text.trim();
        if (trimmed.endsWith("%")) {
            double percent = number(trimmed.substring(0, trimmed.length() - 1).trim(), text);
            if (percent < 0) {
                throw new IllegalArgumentException("the margin '" + text + "' is negative");
            }
            return new Margin(percent / 100, true, trimmed);
        }
        double amount = amount(trimmed, signal, unit);
        if (amount < 0) {
            throw new IllegalArgumentException("the margin '" + text + "' is negative");
        }
        return new Margin(amount, false, trimmed);
    }

    private static double amount(String text, String signal, Unit unit) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number: " + signal + " takes " + unit.thresholdHint());
        }
        double value = Double.parseDouble(m.group(1));
        String suffix = m.group(2);
        return switch (unit) {
            case SECONDS -> value * seconds(suffix, signal, unit);
            case RATIO -> ratio(value, suffix, signal, unit);
            case MESSAGES -> plain(value, suffix, signal, unit, "messages", "message", "msg");
            case PER_SECOND -> switch (suffix) {
                case "", "/s" -> value;
                case "/min", "/m" -> value / 60;
                case "/h" -> value / 3600;
                default -> throw wrongUnit(suffix, signal, unit);
            };
        };
    }

    private static double seconds(String suffix, String signal, Unit unit) {
        return switch (suffix) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "m", "min" -> 60;
            case "h" -> 3600;
            case "" -> throw new IllegalArgumentException(signal + " is a duration and needs a unit: " + unit.thresholdHint());
            default -> throw wrongUnit(suffix, signal, unit);
        };
    }

    private static double ratio(double value, String suffix, String signal, Unit unit) {
        if (suffix.equals("%")) {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException(value + "% is outside 0–100%");
            }
            return value / 100;
        }
        if (!suffix.isEmpty()) {
            throw wrongUnit(suffix, signal, unit);
        }
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(signal + " is a ratio between 0 and 1; " + value
                    + " is outside it (write 0.85 or 85%)");
        }
        return value;
    }

    private static double plain(double value, String suffix, String signal, Unit unit, String... allowed) {
        if (suffix.isEmpty() || java.util.List.of(allowed).contains(suffix)) {
            return value;
        }
        throw wrongUnit(suffix, signal, unit);
    }

    private static double number(String text, String whole) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' is not a number");
        }
    }

    private static IllegalArgumentException wrongUnit(String suffix, String signal, Unit unit) {
        return new IllegalArgumentException("'" + suffix + "' is not a unit for " + signal + ", which takes "
                + unit.thresholdHint());
    }
}
