package dev.revisit.agent.bootstrap.auth;

/**
 * What auth advice calls (Spring Security filters, JWT libraries, password encoders, token
 * introspection). No-op until the agent installs the real hook. Auth work nests — a filter
 * calls a decoder that calls a verifier — so every timed step is a frame on a per-thread
 * stack and each frame's own time (minus the frames inside it) is counted once. Entering a
 * step returns the thread's frame stack, which the advice hands back on exit, so that the
 * exit of a verification (a few µs of work) looks nothing up.
 */
public abstract class AuthHook {
    public static final int FILTER_CHAIN = 0;
    public static final int JWT = 1;
    public static final int PASSWORD_HASH = 2;
    public static final int INTROSPECTION = 3;

    private static volatile AuthHook current = new AuthHook() {};

    public static AuthHook get() {
        return current;
    }

    public static void install(AuthHook hook) {
        current = hook;
    }

    /**
     * @return the frame to pass to {@link #exit}, or null when the step is not timed (nested in
     *     the same mechanism, outside a request)
     */
    public Object enter(int mechanism) {
        return null;
    }

    /**
     * @param frame what {@link #enter} returned
     * @param failed the step rejected the credential (threw, or returned false)
     */
    public void exit(Object frame, boolean failed) {}

    /**
     * Leaving a step that counts only when it rejects the credential: parsing a token that a
     * verification then checks. A token that parses is counted once, by its verification.
     */
    public void exitIfRejected(Object frame, boolean failed) {}

    /**
     * Entering a call an auth step makes to the rest of the work (a security filter calling the
     * next filter): its time is not the step's own.
     * @return the frame to pass to {@link #exitHandOff}, or null when not inside an auth step
     */
    public Object enterHandOff() {
        return null;
    }

    public void exitHandOff(Object frame) {}

    /** Entering Spring Security's {@code FilterChainProxy}: the security filters of one request start. */
    public void enterSecurityChain() {}

    /** Leaving it: the filter-chain time of the request is recorded once, at the outermost exit. */
    public void exitSecurityChain(Throwable thrown) {}

    /** Spring Security rejected the request (entry point, access denied or authentication failure handler). */
    public void rejected() {}
}
