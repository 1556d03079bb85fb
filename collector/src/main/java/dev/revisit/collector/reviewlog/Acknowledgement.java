package dev.revisit.collector.reviewlog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Someone saw a finding: acknowledged for good ({@code until} null) or snoozed until a day.
 *
 * @param finding a finding id ({@code <decision>#<position>} or {@code <decision>#calendar})
 */
public record Acknowledgement(String finding, String by, String note, LocalDate until, Instant recorded) {

    public boolean activeOn(LocalDate day) {
        return until == null || day.isBefore(until);
    }
}
