package dev.revisit.agent.instrumentation.auth;

/**
 * The current thread's stack of auth steps. Each frame collects the time of the frames
 * inside it, so a frame's own time is its duration minus that: a filter that calls a JWT
 * decoder counts the decoding under {@code jwt} and only the rest under {@code filter-chain}.
 * A hand-off frame (a security filter calling the next filter) is time that belongs to no step.
 * Spring Security's filter time is summed over one pass through {@code FilterChainProxy}.
 * A frame keeps its own start, so that the advice carries only this stack from enter to exit.
 */
final class AuthFrames {
    static final int HAND_OFF = -1;
    static final int MAX_DEPTH = 32;

    int depth;
    final int[] mechanism = new int[MAX_DEPTH];
    final long[] start = new long[MAX_DEPTH];
    final long[] inner = new long[MAX_DEPTH];

    int chainDepth;
    long chainNanos;
    boolean chainRan;
    boolean chainRejected;

    /** @return the mechanism of the innermost open frame, or {@link Integer#MIN_VALUE} when none */
    int top() {
        return depth == 0 ? Integer.MIN_VALUE : mechanism[depth - 1];
    }

    /** Full: a step entered now goes untimed rather than overwrite a frame. */
    boolean full() {
        return depth == MAX_DEPTH;
    }

    void push(int kind, long now) {
        int d = depth;
        mechanism[d] = kind;
        start[d] = now;
        inner[d] = 0L;
        depth = d + 1;
    }

    /** Pops the innermost frame, charges its whole duration to its parent, and returns its own time. */
    long pop(long now) {
        int d = --depth;
        long elapsed = now - start[d];
        long own = elapsed - inner[d];
        if (d > 0) {
            inner[d - 1] += elapsed;
        }
        return own < 0 ? 0 : own;
    }

    /** Pops the innermost frame as if it had never been pushed: its time stays its parent's own. */
    void drop() {
        depth--;
    }
}
