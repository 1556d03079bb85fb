package dev.revisit.agent.recorder;

public enum InstrumentKind {
    /** Monotonic sum. */
    COUNTER,
    /** Last value set. */
    GAUGE,
    /** Explicit-bucket histogram. */
    HISTOGRAM
}
