package dev.revisit.agent.instrumentation.http;

/**
 * What the current thread's server request is doing: how deep in handler calls it is (only
 * the outermost servlet, filter or chain call times the request) and a reusable attribute
 * array, so recording allocates nothing. Auth instrumentation asks {@link #serving()}: auth
 * time is counted only inside a server request, so that it is a share of request time.
 */
public final class RequestThread {
    private static final ThreadLocal<RequestThread> CURRENT = ThreadLocal.withInitial(RequestThread::new);

    int depth;
    final String[] attributes = new String[ServerRequestMetrics.KEYS.length];

    /**
     * The auth instrumentation's own per-thread state, held here so that an auth step learns
     * whether its thread serves a request and finds its frames with one thread-local lookup
     * (a JWT verification takes a few µs; each lookup costs a few ns of it).
     */
    private Object auth;

    public static RequestThread current() {
        return CURRENT.get();
    }

    /** True while this thread serves an HTTP request that the agent times. */
    public boolean serving() {
        return depth > 0;
    }

    public Object auth() {
        return auth;
    }

    public void auth(Object state) {
        auth = state;
    }
}
