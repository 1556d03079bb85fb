package dev.revisit.agent.instrumentation.cache;

import java.lang.ref.WeakReference;

/**
 * One thread's cache reads in progress, innermost last. A read of a cache that is already
 * being read further out (a loading cache's {@code get} calling its own {@code get(key, fn)})
 * pushes no frame, so what the library reports meanwhile goes to the outer frame and counts once.
 */
final class CacheCalls {
    static final int MAX_DEPTH = 8;
    /** What {@code enter} returns for a read that pushed no frame; its exit does nothing. */
    static final Object NESTED = new Object();

    /** Weakly: {@link ThreadCalls} keeps the calls of threads that ended until their slot is reused. */
    final WeakReference<Thread> owner;
    int depth;
    final CacheSeries[] series = new CacheSeries[MAX_DEPTH];
    final int[] hits = new int[MAX_DEPTH];
    final int[] misses = new int[MAX_DEPTH];
    /** The series this thread read last: most threads read one cache again and again. */
    CacheSeries last;

    CacheCalls(Thread owner) {
        this.owner = new WeakReference<>(owner);
    }

    /** Collected, not merely ended: no native {@code isAlive()} call on a path a colliding thread takes per read. */
    boolean ownerGone() {
        return owner.get() == null;
    }

    boolean reading(CacheSeries candidate) {
        for (int i = 0; i < depth; i++) {
            if (series[i] == candidate) {
                return true;
            }
        }
        return false;
    }

    void push(CacheSeries read) {
        series[depth] = read;
        hits[depth] = 0;
        misses[depth] = 0;
        depth++;
    }

    CacheSeries pop() {
        CacheSeries read = series[--depth];
        series[depth] = null;
        return read;
    }
}
