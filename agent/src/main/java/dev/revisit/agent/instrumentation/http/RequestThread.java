package dev.revisit.agent.instrumentation.http;

/**
 * What the current thread's server request is doing: how deep in handler calls it is (only
 * the outermost servlet, filter or chain call times the request) and a reusable attribute
 * array, so recording allocates nothing. Auth instrumentation asks {@link #inRequest()}: auth
 * time is counted only inside a server request, so that it is a share of request time.
 */
public final class RequestThread {
    private static final ThreadLocal<RequestThread> CURRENT = ThreadLocal.withInitial(RequestThread::new);

    int depth;
    final String[] attributes = new String[ServerRequestMetrics.KEYS.length];

    static RequestThread current() {
        return CURRENT.get();
    }

    /** True while the current thread serves an HTTP request that the agent times. */
    public static boolean inRequest() {
        return CURRENT.get().depth > 0;
    }
}
