package dev.revisit.agent.instrumentation.messaging;

import dev.revisit.agent.recorder.CounterSeries;
import dev.revisit.agent.recorder.HistogramSeries;

/**
 * One destination as one consumer (group) sees it: its consumed count and delivery delay,
 * with series resolved up front so a delivery allocates nothing.
 */
public final class Destination {
    private final CounterSeries consumed;
    private final HistogramSeries delay;
    private final CounterSeries clamped;

    Destination(MessagingMetrics metrics, String system, String name, String group) {
        this.consumed = metrics.consumed.series(system, name, group);
        this.delay = metrics.delay.series(system, name, group);
        this.clamped = metrics.clamped.series(system, name);
    }

    /**
     * One message received at {@code receivedMillis} (epoch ms). {@code publishedMillis} &le; 0
     * means the message carried no publish time: it counts, but has no delay. A publish time
     * after the receive time (clock skew between hosts) is recorded as 0 and counted.
     */
    public void received(long publishedMillis, long receivedMillis) {
        consumed.increment();
        delayed(publishedMillis, receivedMillis);
    }

    /** {@code count} messages received at once (one partition of a poll); their delays follow one by one. */
    public void consumed(long count) {
        consumed.add(count);
    }

    /** The delay part of {@link #received}, for messages already counted with {@link #consumed}. */
    public void delayed(long publishedMillis, long receivedMillis) {
        if (publishedMillis <= 0L) {
            return;
        }
        long delayMillis = receivedMillis - publishedMillis;
        if (delayMillis < 0L) {
            clamped.increment();
            delayMillis = 0L;
        }
        delay.record(delayMillis);
    }
}
