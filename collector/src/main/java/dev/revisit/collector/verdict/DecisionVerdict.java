package dev.revisit.collector.verdict;

import dev.revisit.collector.decisions.Decision;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision's verdict: the most urgent of its assumptions' and its calendar's.
 *
 * @param reviewDue when the calendar asks for the next review, or null
 * @param reason    one sentence for people
 */
public record DecisionVerdict(Decision decision, Verdict verdict, List<AssumptionVerdict> assumptions,
                              LocalDate reviewDue, String reason) {}
