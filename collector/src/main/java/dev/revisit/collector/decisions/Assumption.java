package dev.revisit.collector.decisions;

import dev.revisit.collector.catalog.Scope;
import dev.revisit.collector.catalog.Signal;
import java.time.Duration;

/**
 * One thing a decision rests on that a signal can check.
 *
 * @param window    how much data each evaluation of the signal covers
 * @param sustain   how long a breach must last before it counts ({@code for} in the file)
 * @param warn      how close to the threshold counts as at risk
 * @param position  where it is written
 */
public record Assumption(Signal signal, Scope scope, Threshold expect, Duration window, Duration sustain,
                         Margin warn, Position position) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SUSTAIN = Duration.ofMinutes(10);
}
