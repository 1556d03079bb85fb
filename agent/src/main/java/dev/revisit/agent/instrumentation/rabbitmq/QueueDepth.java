package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.recorder.GaugeSeries;

import java.lang.ref.WeakReference;
import java.util.function.Predicate;

/**
 * One queue's depth as the broker last reported it, and the connection it came over (held
 * weakly). A depth is the broker's answer at one moment; once that connection has closed nobody
 * refreshes it, so it is no longer exported until some connection reports the queue again.
 */
final class QueueDepth {
    private static final WeakReference<Object> NONE = new WeakReference<>(null);

    private final GaugeSeries gauge;
    private volatile WeakReference<Object> source = NONE;

    QueueDepth(GaugeSeries gauge) {
        this.gauge = gauge;
    }

    /** On the reporting thread; allocates only when the connection differs from the last one's. */
    void report(Object connection, long depth) {
        gauge.set(depth);
        if (source.get() != connection) {
            synchronized (this) {
                source = new WeakReference<>(connection);
                gauge.set(depth); // again: an expiry may have cleared it since the first set
            }
        }
    }

    /** On the export thread: clears the depth when the connection that reported it is closed or gone. */
    synchronized void expire(Predicate<Object> open) {
        if (source == NONE) {
            return;
        }
        Object connection = source.get();
        if (connection == null || !open.test(connection)) {
            source = NONE;
            gauge.clear();
        }
    }

    /** The queue is gone (the broker said 404): no depth until it is reported again. */
    synchronized void forget() {
        source = NONE;
        gauge.clear();
    }
}
