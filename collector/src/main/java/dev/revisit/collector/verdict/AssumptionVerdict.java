package dev.revisit.collector.verdict;

import dev.revisit.collector.decisions.Assumption;
import java.time.Instant;
import java.util.List;

/**
 * One assumption's verdict and its evidence.
 *
 * @param value       the signal's value at the evaluation time over the assumption's window (NaN: no data)
 * @param since       when the current state began (a breach, or the last data for no_data), or null
 * @param slopePerDay the least-squares trend of the value, in its unit per day (NaN: too few points)
 * @param reason      one sentence for people
 * @param questions   the review questions for this signal
 */
public record AssumptionVerdict(Assumption assumption, Verdict verdict, double value, Instant since,
                                double slopePerDay, String reason, List<String> questions) {}
