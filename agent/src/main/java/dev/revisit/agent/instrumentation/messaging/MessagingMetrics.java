package dev.revisit.agent.instrumentation.messaging;

import dev.revisit.agent.recorder.Counter;
import dev.revisit.agent.recorder.Gauge;
import dev.revisit.agent.recorder.GaugeSeries;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.Recorder;

/**
 * The {@code async} area's instruments, shared by every messaging client: consumed messages,
 * delivery delay and consumer lag, with the signals contract's attributes. Registering them
 * again (another module) returns the same instruments.
 */
public final class MessagingMetrics {
    public static final String CONSUMED = "messaging.client.consumed.messages";
    public static final String DELAY = "revisit.messaging.delivery.delay";
    public static final String CLAMPED = "revisit.messaging.delivery.delay.clamped";
    public static final String LAG = "revisit.messaging.consumer.lag";

    /** Seconds; publish-to-receive spans milliseconds on a healthy queue to hours on a stuck one. */
    static final double[] DELAY_BOUNDARIES = {
        0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600
    };

    final Counter consumed;
    final Histogram delay;
    final Counter clamped;
    private final Gauge lag;

    public MessagingMetrics(Recorder recorder) {
        this.consumed = recorder.counter(CONSUMED, "{message}", "Messages a consumer received",
                "messaging.system", "messaging.destination.name", "messaging.consumer.group.name");
        // Publish times are epoch milliseconds: record milliseconds, export seconds.
        this.delay = recorder.histogram(DELAY, "s", "Time from publish to receive, from the message's own timestamp",
                DELAY_BOUNDARIES, 1e3, "messaging.system", "messaging.destination.name", "messaging.consumer.group.name");
        this.clamped = recorder.counter(CLAMPED, "{message}",
                "Messages whose publish timestamp lay after their receive time (clock skew); their delay was recorded as 0",
                "messaging.system", "messaging.destination.name");
        this.lag = recorder.gauge(LAG, "{message}", "Messages a consumer is behind its destination",
                "messaging.system", "messaging.destination.name", "messaging.consumer.group.name", "messaging.destination.partition.id");
    }

    /** The handle to record one destination's deliveries into; resolve once and keep it. */
    public Destination destination(String system, String name, String group) {
        return new Destination(this, system, name, group);
    }

    public GaugeSeries lag(String system, String destination, String group, String partition) {
        return lag.series(system, destination, group, partition);
    }
}
