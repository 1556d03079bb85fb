package dev.revisit.agent.instrumentation.auth;

/**
 * The current thread's stack of auth steps. Each frame collects the time of the frames
 * inside it, so a frame's own time is its duration minus that: a filter that calls a JWT
 * decoder counts the decoding under {@code jwt} and only the rest under {@code filter-chain}.
 * A hand-off frame (a security filter calling the next filter) is time that belongs to no step.
 * Spring Security's filter time is summed over one pass through {@code FilterChainProxy}.
 */
final class AuthFrames {
    static final int HAND_OFF = -1;
    static final int MAX_DEPTH = 32;

    int depth;
    final int[] mechanism = new int[MAX_DEPTH];
    final long[] inner = new long[MAX_DEPTH];

    int chainDepth;
    long chainNanos;
    boolean chainRan;
    boolean chainRejected;

    /** @return the mechanism of the innermost open frame, or {@link Integer#MIN_VALUE} when none */
    int top() {
        return depth == 0 ? Integer.MIN_VALUE : mechanism[depth - 1];
    }

    void push(int kind) {
        mechanism[depth] = kind;
        inner[depth] = 0L;
        depth++;
    }

    /** Pops the innermost frame, charges its whole duration to its parent, and returns its own time. */
    long pop(long elapsed) {
        depth--;
        long own = elapsed - inner[depth];
        if (depth > 0) {
            inner[depth - 1] += elapsed;
        }
        return own < 0 ? 0 : own;
    }

    /** Pops the innermost frame as if it had never been pushed: its time stays its parent's own. */
    void drop() {
        depth--;
    }
}
