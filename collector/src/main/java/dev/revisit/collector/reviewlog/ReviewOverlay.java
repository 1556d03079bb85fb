package dev.revisit.collector.reviewlog;

import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.DecisionsFile;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The decisions file as the calendar should see it: a review recorded in the log after the
 * file's {@code last_reviewed} moves that date forward, which resets {@code review_due}.
 * Reads the log's in-memory index only, so evaluation does not wait for the database.
 */
public final class ReviewOverlay implements UnaryOperator<DecisionsFile> {

    private final ReviewLog log;

    public ReviewOverlay(ReviewLog log) {
        this.log = log;
    }

    @Override
    public DecisionsFile apply(DecisionsFile file) {
        List<Decision> decisions = file.decisions().stream().map(this::apply).toList();
        return new DecisionsFile(file.source(), decisions, file.questions());
    }

    private Decision apply(Decision d) {
        LocalDate logged = log.lastReviewed(d.id());
        if (logged == null || (d.lastReviewed() != null && !logged.isAfter(d.lastReviewed()))) {
            return d;
        }
        return new Decision(d.id(), d.title(), d.area(), d.owner(), d.decided(), d.reviewEvery(), logged, d.link(),
                d.rationale(), d.alternatives(), d.consequences(), d.questions(), d.assumptions(), d.position());
    }
}
