package dev.revisit.collector.decisions;

import dev.revisit.collector.catalog.Area;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * One declared architecture decision.
 *
 * @param reviewEvery  how often it is reviewed, or null when the calendar does not ask
 * @param lastReviewed the last review, or null
 * @param questions    extra review questions for this decision
 */
public record Decision(String id, String title, Area area, String owner, LocalDate decided, Duration reviewEvery,
                       LocalDate lastReviewed, String link, String rationale, List<String> alternatives,
                       List<String> consequences, List<String> questions, List<Assumption> assumptions,
                       Position position) {

    /** When the next review is due, or null without {@code review_every}. */
    public LocalDate reviewDue() {
        if (reviewEvery == null) {
            return null;
        }
        LocalDate from = lastReviewed != null ? lastReviewed : decided;
        return from.plusDays(reviewEvery.toDays());
    }
}
