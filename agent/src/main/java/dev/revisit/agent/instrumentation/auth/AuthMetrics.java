package dev.revisit.agent.instrumentation.auth;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.http.RequestThread;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;

/**
 * The auth hook: {@code revisit.auth.duration{auth.mechanism, auth.outcome}}. Only work done
 * inside an HTTP server request the agent times is counted, and each nanosecond once (see
 * {@link AuthFrames}), so that summed auth time ÷ summed request time is the share of request
 * time spent on auth. Nested steps of one mechanism (a delegating encoder around BCrypt, a
 * decoder around a JWT processor) are one step: the outermost.
 */
public final class AuthMetrics extends AuthHook {
    public static final String METRIC = "revisit.auth.duration";
    static final String[] MECHANISMS = {"filter-chain", "jwt", "password-hash", "introspection"};
    private static AuthMetrics installed;

    private final HistogramSeries[] success = new HistogramSeries[MECHANISMS.length];
    private final HistogramSeries[] failure = new HistogramSeries[MECHANISMS.length];

    private AuthMetrics(ModuleContext context) {
        Histogram duration = context.recorder().durationHistogram(METRIC,
                "Time spent authenticating and authorising inside HTTP server requests, each step's own time",
                "auth.mechanism", "auth.outcome");
        for (int i = 0; i < MECHANISMS.length; i++) {
            success[i] = duration.series(MECHANISMS[i], "success");
            failure[i] = duration.series(MECHANISMS[i], "failure");
        }
    }

    /** The one instance, installed as the {@link AuthHook} by whichever auth module starts first. */
    public static synchronized AuthMetrics install(ModuleContext context) {
        if (installed == null) {
            installed = new AuthMetrics(context);
            AuthHook.install(installed);
        }
        return installed;
    }

    /** The thread's frames, created on its first auth step; every thread has its request state. */
    private static AuthFrames frames(RequestThread thread) {
        Object state = thread.auth();
        if (state == null) {
            AuthFrames created = new AuthFrames();
            thread.auth(created);
            return created;
        }
        return (AuthFrames) state;
    }

    @Override
    public Object enter(int mechanism) {
        RequestThread thread = RequestThread.current();
        if (!thread.serving()) {
            return null;
        }
        AuthFrames f = frames(thread);
        if (f.top() == mechanism || f.full()) {
            return null;
        }
        f.push(mechanism, System.nanoTime());
        return f;
    }

    @Override
    public void exit(Object frame, boolean failed) {
        if (frame == null) {
            return;
        }
        long now = System.nanoTime();
        AuthFrames f = (AuthFrames) frame;
        if (f.depth == 0) {
            return;
        }
        int mechanism = f.top();
        long own = f.pop(now);
        if (mechanism == FILTER_CHAIN && f.chainDepth > 0) {
            f.chainNanos += own;
            f.chainRan = true;
        } else if (mechanism >= 0) {
            (failed ? failure : success)[mechanism].record(own);
        }
    }

    @Override
    public void exitIfRejected(Object frame, boolean failed) {
        if (failed) {
            exit(frame, true);
        } else if (frame != null) {
            AuthFrames f = (AuthFrames) frame;
            if (f.depth > 0) {
                f.drop();
            }
        }
    }

    /** No request check: outside a request no step is open, so the stack is empty. */
    @Override
    public Object enterHandOff() {
        AuthFrames f = frames(RequestThread.current());
        if (f.depth == 0 || f.top() == AuthFrames.HAND_OFF || f.full()) {
            return null;
        }
        f.push(AuthFrames.HAND_OFF, System.nanoTime());
        return f;
    }

    @Override
    public void exitHandOff(Object frame) {
        if (frame == null) {
            return;
        }
        long now = System.nanoTime();
        AuthFrames f = (AuthFrames) frame;
        if (f.top() == AuthFrames.HAND_OFF) {
            f.pop(now);
        }
    }

    @Override
    public void enterSecurityChain() {
        AuthFrames f = frames(RequestThread.current());
        if (f.chainDepth++ == 0) {
            f.chainNanos = 0L;
            f.chainRan = false;
            f.chainRejected = false;
        }
    }

    @Override
    public void exitSecurityChain(Throwable thrown) {
        AuthFrames f = frames(RequestThread.current());
        if (f.chainDepth == 0 || --f.chainDepth > 0) {
            return;
        }
        if (f.chainRan) {
            (f.chainRejected ? failure : success)[FILTER_CHAIN].record(f.chainNanos);
        }
    }

    @Override
    public void rejected() {
        frames(RequestThread.current()).chainRejected = true;
    }
}
