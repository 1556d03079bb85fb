package dev.revisit.collector.reviewlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A decision's review as the team recorded it.
 *
 * @param on       the day of the review: the calendar's next {@code review_every} counts from it
 * @param recorded when it was written to the log
 */
public record Review(String decision, LocalDate on, String reviewer, Outcome outcome, String note, Instant recorded) {

    public enum Outcome {
        KEPT, AMENDED, SUPERSEDED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome for its key, or null. */
        public static Outcome of(String key) {
            for (Outcome o : values()) {
                if (o.key().equals(key)) {
                    return o;
                }
            }
            return null;
        }
    }
}
