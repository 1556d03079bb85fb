package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.recorder.GaugeSeries;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One JetStream consumer of one stream as this JVM sees it: its deliveries, and the pending
 * count the latest of them carried. The pending count is kept with a plain (opaque) store per
 * message and copied into the lag gauge at collect time, so a delivery pays no memory fence.
 */
final class JetStreamConsumer {
    final Destination destination;
    private final GaugeSeries lag;
    private final AtomicLong pending = new AtomicLong(-1L);

    JetStreamConsumer(Destination destination, GaugeSeries lag) {
        this.destination = destination;
        this.lag = lag;
    }

    void delivered(long pendingCount, long publishedMillis, long receivedMillis) {
        destination.received(publishedMillis, receivedMillis);
        if (pendingCount >= 0L) {
            pending.setOpaque(pendingCount);
        }
    }

    /** On the export thread: the latest pending count becomes the lag (nothing before the first delivery that had one). */
    void publish() {
        long latest = pending.getOpaque();
        if (latest >= 0L) {
            lag.set(latest);
        }
    }
}
