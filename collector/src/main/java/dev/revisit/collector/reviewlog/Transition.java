package dev.revisit.collector.reviewlog;

import java.time.Instant;

/**
 * A decision's verdict changed between two evaluation rounds.
 *
 * @param from     the previous verdict, or null for a decision seen for the first time
 * @param evidence the decision's verdict JSON at the transition (values, thresholds, reasons)
 */
public record Transition(String decision, Instant at, String from, String to, String reason, String evidence) {}
