package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The hook on real kafka-clients objects, without a broker (a consumer that never polls makes no
 * connection): counts and delays read from a {@code ConsumerRecords} built in memory, and what a
 * close leaves behind.
 */
class KafkaMetricsTest {
    private final Recorder recorder = new Recorder(100, 2_000);
    private final KafkaMetrics hook = new KafkaMetrics(new MessagingMetrics(recorder), recorder);

    @Test
    void countsEveryRecordAndTimesThoseWithATimestampClampingTheFuture() {
        long elapsedMillis;
        // The clock starts after the client is built: under load building it alone can take seconds.
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("g1")) {
            long now = System.currentTimeMillis();
            List<ConsumerRecord<byte[], byte[]>> first = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                first.add(record("orders", 0, i, now - 5_000));
            }
            List<ConsumerRecord<byte[], byte[]>> second = new ArrayList<>(List.of(
                    record("orders", 1, 0, ConsumerRecord.NO_TIMESTAMP), record("orders", 1, 1, now + 3_600_000), record("orders", 1, 2, now - 5_000)));
            hook.polled(consumer, new ConsumerRecords<>(Map.of(new TopicPartition("orders", 0), first, new TopicPartition("orders", 1), second)));
            elapsedMillis = System.currentTimeMillis() - now;
            hook.polled(consumer, ConsumerRecords.empty());
        }
        assertEquals(103, sum(MessagingMetrics.CONSUMED, PointView::value));
        assertEquals(List.of("kafka", "orders", "g1"), only(MessagingMetrics.CONSUMED).attributeValues());
        assertEquals(102, sum(MessagingMetrics.DELAY, p -> p.count()), "no timestamp: counted, not timed");
        assertEquals(1, sum(MessagingMetrics.CLAMPED, PointView::value));
        double seconds = sum(MessagingMetrics.DELAY, PointView::sum);
        // 101 records 5 s old plus however long the poll took to reach them; one clamped to 0.
        assertTrue(seconds >= 101 * 5.0 && seconds <= 101 * (5.0 + elapsedMillis / 1_000.0), seconds + " s for 101 records, poll took " + elapsedMillis + " ms");
    }

    @Test
    void whatIsNotAConsumerRecordsIsIgnoredAndNeverThrown() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("g2")) {
            hook.polled(consumer, "not records");
            hook.polled(consumer, null);
        }
        assertEquals(0, sum(MessagingMetrics.CONSUMED, PointView::value));
    }

    @Test
    void aClosedConsumerLeavesNothingBehindButOneStillInUseElsewhereStays() throws Exception {
        KafkaConsumer<byte[], byte[]> consumer = consumer("g3");
        hook.polled(consumer, ConsumerRecords.empty());
        assertEquals(1, hook.openConsumers());

        // close() from another thread while this one polls: the client refuses, the consumer stays open.
        hook.closed(consumer, new ConcurrentModificationException("KafkaConsumer is not safe for multi-threaded access"));
        assertEquals(1, hook.openConsumers());

        consumer.close();
        hook.closed(consumer, null);
        assertEquals(0, hook.openConsumers());

        WeakReference<Object> gone = new WeakReference<>(consumer);
        consumer = null;
        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(gone.get(), "the agent keeps a closed consumer alive");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, long timestamp) {
        return new ConsumerRecord<>(topic, partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 1, null, new byte[] {1},
                new org.apache.kafka.common.header.internals.RecordHeaders(), Optional.empty());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", "127.0.0.1:1", "group.id", group),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private PointView only(String metric) {
        List<PointView> points = view(metric).points();
        assertEquals(1, points.size(), points.toString());
        return points.get(0);
    }

    private double sum(String metric, java.util.function.ToDoubleFunction<PointView> part) {
        MetricView view = view(metric);
        return view == null ? 0 : view.points().stream().mapToDouble(part).sum();
    }

    private MetricView view(String metric) {
        return recorder.collect().stream().filter(v -> v.name().equals(metric)).findFirst().orElse(null);
    }
}
