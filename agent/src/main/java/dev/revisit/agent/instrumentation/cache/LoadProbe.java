package dev.revisit.agent.instrumentation.cache;

import java.util.concurrent.Callable;

/**
 * Stands in for the loader of a read that loads on a miss (Spring's {@code get(key, Callable)}):
 * whether it ran is the read's verdict. One per such read — the caller allocates its loader per
 * call too — because a loader may escape the read (an exception keeps it), so none is reused.
 * Behaves as the loader: same result, same exceptions, same {@code toString} (Spring puts it in
 * the message of {@code ValueRetrievalException}).
 */
final class LoadProbe implements Callable<Object> {
    private final Callable<?> loader;
    final CacheSeries series;
    private volatile boolean ran;

    LoadProbe(Callable<?> loader, CacheSeries series) {
        this.loader = loader;
        this.series = series;
    }

    @Override
    public Object call() throws Exception {
        ran = true;
        return loader.call();
    }

    boolean ran() {
        return ran;
    }

    @Override
    public String toString() {
        return loader.toString();
    }
}
