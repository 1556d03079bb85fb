package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.Recorder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka consumer hook: consumed records and their delay (record timestamp to poll
 * return) per topic and consumer group, and per-partition lag bridged from the client's own
 * fetch metrics ({@link LagBridge}), looked up again when a new partition shows up and every
 * {@value #RESCAN_SECONDS} s (reassignments).
 */
final class KafkaMetrics extends KafkaHook {
    static final String SYSTEM = "kafka";
    private static final long RESCAN_SECONDS = 10;
    private static final int MAX_CONSUMERS = 1_000;

    private final MessagingMetrics metrics;
    private final LagBridge lagBridge;
    private final WeakIdentityMap<ConsumerState> consumers = new WeakIdentityMap<>(MAX_CONSUMERS);
    private final List<ConsumerState> open = new CopyOnWriteArrayList<>();
    /** A consumer is used by one thread at a time, and usually by the same one: skip the map. */
    private final ThreadLocal<Object[]> lastConsumer = ThreadLocal.withInitial(() -> new Object[2]);

    KafkaMetrics(MessagingMetrics metrics, Recorder recorder) {
        this.metrics = metrics;
        this.lagBridge = new LagBridge(metrics);
        recorder.onCollect(() -> open.forEach(state -> LagBridge.read(state.lags)));
    }

    @Override
    public Object partition(Object consumer, String topic, int partition, int count) {
        ConsumerState state = stateOf(consumer);
        ConsumerState.Topic known = state.topics.get(topic);
        if (known == null) {
            known = new ConsumerState.Topic(metrics.destination(SYSTEM, topic, state.group));
            state.topics.put(topic, known);
        }
        if (known.firstSight(partition)) {
            state.scanWanted = true;
        }
        known.destination.consumed(count);
        return known.destination;
    }

    @Override
    public void record(Object partitionHandle, long timestampMillis, long nowMillis) {
        if (partitionHandle instanceof Destination destination) {
            destination.delayed(timestampMillis, nowMillis);
        }
    }

    @Override
    public void polled(Object consumer) {
        ConsumerState state = stateOf(consumer);
        long now = System.nanoTime();
        if (state.scanWanted || now - state.lastScanNanos > TimeUnit.SECONDS.toNanos(RESCAN_SECONDS)) {
            state.scanWanted = false;
            state.lastScanNanos = now;
            state.lags = lagBridge.scan(consumer, state.group);
        }
    }

    @Override
    public void closed(Object consumer) {
        ConsumerState state = consumers.get(consumer);
        if (state != null && open.remove(state)) {
            LagBridge.read(state.lags); // the last values, while the consumer still has them
        }
        Object[] last = lastConsumer.get();
        if (last[0] == consumer) {
            last[0] = null;
            last[1] = null;
        }
    }

    private ConsumerState stateOf(Object consumer) {
        Object[] last = lastConsumer.get();
        if (last[0] == consumer) {
            return (ConsumerState) last[1];
        }
        ConsumerState state = consumers.get(consumer);
        if (state == null) {
            state = new ConsumerState(GroupId.of(consumer));
            consumers.put(consumer, state);
            if (open.size() < MAX_CONSUMERS) {
                open.add(state);
            }
        }
        last[0] = consumer;
        last[1] = state;
        return state;
    }
}
