package dev.revisit.collector.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revisit.collector.reviewlog.Acknowledgement;
import dev.revisit.collector.reviewlog.Review;
import dev.revisit.collector.reviewlog.ReviewLog;
import dev.revisit.collector.reviewlog.Transition;
import dev.revisit.collector.verdict.DecisionVerdict;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The review log over JSON: validates what a client sends (every mistake a 400 naming the field)
 * before anything reaches the database, and renders reviews, acknowledgements and history.
 */
final class ReviewResources {

    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 4000;

    private final ReviewLog log;
    private final Clock clock;

    ReviewResources(ReviewLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    ObjectNode recordReview(DecisionVerdict d, byte[] body) {
        JsonNode json = parse(body);
        String reviewer = text(json, "reviewer", MAX_NAME, true);
        String outcomeKey = text(json, "outcome", 20, true);
        Review.Outcome outcome = Review.Outcome.of(outcomeKey);
        if (outcome == null) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'outcome' must be kept, amended or superseded, got '" + outcomeKey + "'");
        }
        String note = text(json, "note", MAX_NOTE, false);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = date(json, "on");
        if (on == null) {
            on = today;
        } else if (on.isAfter(today)) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'on' is in the future: " + on);
        }
        return review(log.record(new Review(d.decision().id(), on, reviewer, outcome, note, clock.instant())));
    }

    ObjectNode acknowledge(String finding, byte[] body) {
        JsonNode json = parse(body);
        String by = text(json, "by", MAX_NAME, true);
        String note = text(json, "note", MAX_NOTE, false);
        LocalDate until = date(json, "until");
        if (until != null && !until.isAfter(LocalDate.now(clock))) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'until' must be after today, got " + until);
        }
        return ack(log.acknowledge(new Acknowledgement(finding, by, note, until, clock.instant())));
    }

    ObjectNode reviews(String decision) {
        ObjectNode root = Responses.JSON.createObjectNode();
        ArrayNode list = root.putArray("reviews");
        log.reviews(decision).forEach(r -> list.add(review(r)));
        return root;
    }

    ObjectNode history(String decision) {
        ObjectNode root = Responses.JSON.createObjectNode();
        ArrayNode list = root.putArray("transitions");
        for (Transition t : log.history(decision)) {
            ObjectNode n = list.addObject();
            n.put("at", t.at().toString());
            n.put("from", t.from());
            n.put("to", t.to());
            n.put("reason", t.reason());
            try {
                n.set("evidence", t.evidence() == null ? null : Responses.JSON.readTree(t.evidence()));
            } catch (IOException e) {
                n.put("evidence", t.evidence()); // written by us, so JSON; kept verbatim if ever not
            }
        }
        root.put("pending", log.pendingTransitions());
        return root;
    }

    Map<String, Acknowledgement> acknowledgements() {
        return log.acknowledgements();
    }

    static ObjectNode ack(Acknowledgement a) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("finding", a.finding());
        n.put("by", a.by());
        n.put("note", a.note());
        n.put("until", a.until() == null ? null : a.until().toString());
        n.put("recorded", a.recorded().toString());
        return n;
    }

    private static ObjectNode review(Review r) {
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("decision", r.decision());
        n.put("on", r.on().toString());
        n.put("reviewer", r.reviewer());
        n.put("outcome", r.outcome().key());
        n.put("note", r.note());
        n.put("recorded", r.recorded().toString());
        return n;
    }

    private static JsonNode parse(byte[] body) {
        JsonNode json;
        try {
            json = Responses.JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "unreadable body: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "the body must be a JSON object");
        }
        return json;
    }

    private static String text(JsonNode json, String field, int max, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ApiError(HttpStatus.BAD_REQUEST_400, "'" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'" + field + "' must be a non-empty string");
        }
        if (node.asText().length() > max) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'" + field + "' is longer than " + max + " characters");
        }
        return node.asText();
    }

    private static LocalDate date(JsonNode json, String field) {
        String text = text(json, field, 10, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "'" + field + "' must be a date like 2026-12-31, got '" + text + "'");
        }
    }
}
