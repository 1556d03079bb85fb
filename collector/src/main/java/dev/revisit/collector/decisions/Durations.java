package dev.revisit.collector.decisions;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as decision files write them: {@code 90d}, {@code 1h30m}, {@code 15m}, {@code 500ms}, {@code 2w}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {}

    /** Parses a duration; the message of the exception says what is wrong, for people. */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        Matcher m = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < trimmed.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit "
                        + "(ms, s, m, h, d, w), e.g. 15m, 1h30m or 90d");
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            at = m.end();
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the duration is empty: write e.g. 15m");
        }
        return total;
    }

    /** The shortest way decision files write {@code d}: 90d, 1h30m, 15m, 500ms. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            out.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            out.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            out.append(d.toSecondsPart()).append('s');
        }
        if (d.toMillisPart() > 0) {
            out.append(d.toMillisPart()).append("ms");
        }
        return out.toString();
    }
}
