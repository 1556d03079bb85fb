package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.recorder.GaugeSeries;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One JetStream consumer of one stream as this JVM sees it: its deliveries, and the pending
 * count the latest of them carried. The pending count is kept with a plain (opaque) store per
 * message and copied into the lag gauge at collect time, so a delivery pays no memory fence.
 * Several subscriptions may share it (a named durable in a worker pool); one counts from its first
 * message on. When the last of them has ended, the lag is still exported at the next collection
 * — a fetch loop of short-lived subscriptions (the simplified API's {@code next()} and
 * {@code fetch}) opens the next one well within an export interval — and cleared at the one after,
 * until a subscription delivers again.
 */
final class JetStreamConsumer {
    final Destination destination;
    private final GaugeSeries lag;
    private final AtomicLong pending = new AtomicLong(-1L);
    /** Subscriptions of this JVM on it; under the lock. */
    private int subscriptions;
    /** A subscription started since the previous collection; under the lock. */
    private boolean subscribedSinceCollect;
    /** No subscription at or since the previous collection; the export thread's own. */
    private boolean idle;

    JetStreamConsumer(Destination destination, GaugeSeries lag) {
        this.destination = destination;
        this.lag = lag;
    }

    void delivered(long pendingCount, long publishedMillis, long receivedMillis) {
        destination.received(publishedMillis, receivedMillis);
        if (pendingCount >= 0L) { // also one still handed over after its subscription ended: the collection's grace decides
            pending.setOpaque(pendingCount);
        }
    }

    synchronized void subscribed() {
        subscriptions++;
        subscribedSinceCollect = true;
    }

    synchronized void unsubscribed() {
        if (subscriptions > 0) {
            subscriptions--;
        }
    }

    /**
     * On the export thread: the latest pending count becomes the lag. None — before the first
     * delivery that had one, or at the second collection in a row with no subscription open at
     * it or started since the one before — clears it.
     */
    void publish() {
        boolean active;
        synchronized (this) {
            active = subscriptions > 0 || subscribedSinceCollect; // a loop of short-lived subscriptions is mostly between two
            subscribedSinceCollect = false;
        }
        if (active) {
            idle = false;
        } else if (!idle) {
            idle = true;
        } else {
            pending.setOpaque(-1L);
        }
        long latest = pending.getOpaque();
        if (latest >= 0L) {
            lag.set(latest);
        } else {
            lag.clear();
        }
    }
}
