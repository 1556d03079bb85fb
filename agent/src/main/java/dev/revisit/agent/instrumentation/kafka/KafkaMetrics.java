package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;

import java.lang.invoke.MethodHandle;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka consumer hook: consumed records and their delay (record timestamp to poll
 * return) per topic and consumer group, and per-partition lag bridged from the client's own
 * fetch metrics ({@link LagBridge}), looked up again when a new partition shows up and every
 * {@value #RESCAN_SECONDS} s (reassignments). A partition's lag is exported while a consumer of
 * this JVM has it: not after the consumer closed, nor after the client removed the partition's
 * metric on losing it ({@link LagGauges}).
 */
final class KafkaMetrics extends KafkaHook {
    static final String SYSTEM = "kafka";
    private static final long RESCAN_SECONDS = 10;
    private static final int MAX_CONSUMERS = 1_000;

    private final MessagingMetrics metrics;
    private final LagBridge lagBridge;
    private final LagGauges gauges = new LagGauges();
    private final WeakIdentityMap<ConsumerState> consumers = new WeakIdentityMap<>(MAX_CONSUMERS);
    private final List<ConsumerState> open = new CopyOnWriteArrayList<>();
    /**
     * A consumer is used by one thread at a time, and usually by the same one: skip the map. The
     * state refers to its consumer weakly, so a thread that polled a consumer closed elsewhere keeps nothing alive.
     */
    private final ThreadLocal<ConsumerState[]> lastConsumer = ThreadLocal.withInitial(() -> new ConsumerState[1]);

    KafkaMetrics(MessagingMetrics metrics, Recorder recorder) {
        this.metrics = metrics;
        this.lagBridge = new LagBridge(metrics);
        recorder.onCollect(() -> {
            open.removeIf(state -> state.consumer.get() == null); // collected without close(): nothing left to read
            gauges.publish(open);
        });
    }

    @Override
    public void polled(Object consumer, Object records) {
        ConsumerState state = stateOf(consumer);
        if (records != null) {
            try {
                count(state, records, Batch.OF.get(records.getClass()), System.currentTimeMillis());
            } catch (Throwable t) {
                AgentLog.once("kafka-poll", "could not read a Kafka poll's records; their count and delay stay unreported", t);
            }
        }
        long now = System.nanoTime();
        if (state.scanWanted || now - state.lastScanNanos > TimeUnit.SECONDS.toNanos(RESCAN_SECONDS)) {
            state.scanWanted = false;
            state.lastScanNanos = now;
            state.lags = lagBridge.scan(consumer, state.group);
        }
    }

    /** Walks partitions and indexes their lists: allocation per poll (the partition iterator), none per record. */
    private void count(ConsumerState state, Object records, Batch batch, long nowMillis) throws Throwable {
        if ((boolean) batch.isEmpty.invokeExact(records)) {
            return;
        }
        for (Object partition : (Set<?>) (Object) batch.partitions.invokeExact(records)) {
            List<?> list = (List<?>) (Object) batch.records.invokeExact(records, partition);
            Destination destination = destination(state, (String) (Object) batch.topic.invokeExact(partition),
                    (int) batch.partition.invokeExact(partition));
            int size = list.size();
            destination.consumed(size);
            MethodHandle timestamp = batch.timestamp;
            for (int i = 0; i < size; i++) {
                destination.delayed((long) timestamp.invokeExact(list.get(i)), nowMillis);
            }
        }
    }

    private Destination destination(ConsumerState state, String topic, int partition) {
        ConsumerState.Topic known = state.topics.get(topic);
        if (known == null) {
            known = new ConsumerState.Topic(metrics.destination(SYSTEM, topic, state.group));
            state.topics.put(topic, known);
        }
        if (known.firstSight(partition)) {
            state.scanWanted = true;
        }
        return known.destination;
    }

    @Override
    public void closed(Object consumer, Throwable thrown) {
        if (thrown instanceof ConcurrentModificationException) {
            return; // another thread was inside poll: the consumer is still open and still polled
        }
        ConsumerState state = consumers.get(consumer);
        if (state != null) {
            open.remove(state);
            consumers.remove(consumer);
        }
        ConsumerState[] last = lastConsumer.get();
        if (last[0] != null && last[0].consumer.get() == consumer) {
            last[0] = null;
        }
    }

    /**
     * Marks the readings of a removed lag metric: from the next collection on, the partition's
     * series is exported only by a consumer that still has it. Scans the open consumers' readings
     * (removals are rare: reassignments, clients closing), allocating nothing; the consumer looks
     * for its metrics again at its next poll, in case the partition comes back.
     */
    @Override
    public void metricRemoved(Object metric) {
        for (ConsumerState state : open) {
            for (LagBridge.Reading reading : state.lags) {
                if (reading.metric == metric) {
                    reading.removed = true;
                    state.scanWanted = true;
                }
            }
        }
    }

    /** Consumers whose lag is read at each collection (tests, debugging). */
    int openConsumers() {
        return open.size();
    }

    private ConsumerState stateOf(Object consumer) {
        ConsumerState[] last = lastConsumer.get();
        ConsumerState state = last[0];
        if (state != null && state.consumer.get() == consumer) {
            return state;
        }
        state = consumers.get(consumer);
        if (state == null) {
            state = new ConsumerState(consumer, GroupId.of(consumer));
            consumers.put(consumer, state);
            if (open.size() < MAX_CONSUMERS) {
                open.add(state);
            }
        }
        last[0] = state;
        return state;
    }
}
