package dev.revisit.testapp.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One partition moves from one instance of a service to another: two JVMs, one consumer each,
 * one group, a topic of two partitions, coordinated through marker files in {@code markerDir}.
 * <ul>
 *   <li>{@code first} creates the topic, publishes {@value #PER_PARTITION} records to each
 *       partition, reads a little of both, pauses them (a backlog stays on each), prints
 *       {@code before <partition> <behind>} and writes {@code first-ready}; it keeps polling
 *       (paused) while the second joins and takes a partition; once {@code second-done} exists it
 *       polls a while longer, prints {@code owns <partition> <behind>} and writes {@code first-done}.</li>
 *   <li>{@code second} waits for {@code first-ready}, joins the group, reads what it was given to
 *       the end, prints {@code owns <partition> <behind>}, writes {@code second-done} and polls on
 *       until {@code first-done} (leaving earlier would hand the partition back).</li>
 * </ul>
 * Both return with the consumer open: what they export at the end is what an instance that still
 * runs would. args: {@code <bootstrapServers> <topic> <group> classic|consumer first|second <markerDir>}.
 */
public final class KafkaRebalance {
    private static final int PER_PARTITION = 400;
    private static final long DEADLINE_SECONDS = 120;
    /** Open at the end on purpose (see above); static, so nothing collects it either. */
    static KafkaConsumer<byte[], byte[]> keptOpen;

    public static void main(String[] args) throws Exception {
        String servers = args[0];
        String topic = args[1];
        Path markers = Path.of(args[5]);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(servers, args[2], args[3]));
        keptOpen = consumer;
        if (args[4].equals("first")) {
            first(servers, topic, consumer, markers);
        } else {
            second(topic, consumer, markers);
        }
    }

    private static void first(String servers, String topic, KafkaConsumer<byte[], byte[]> consumer, Path markers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Publisher.publish(servers, topic, 2, 2 * PER_PARTITION, 1024, System::currentTimeMillis);
        consumer.subscribe(List.of(topic));
        long deadline = deadline();
        while (!readSomeOfBoth(consumer, topic)) {
            consumer.poll(Duration.ofMillis(100));
            check(deadline, "never read some of both partitions");
        }
        consumer.pause(consumer.assignment());
        consumer.poll(Duration.ofMillis(100)); // lag as of the last records handed over, then nothing more is fetched
        behind(consumer).forEach((partition, behind) -> System.out.println("before " + partition + " " + behind));
        Thread.sleep(1_000); // exports while it owns both
        Files.writeString(markers.resolve("first-ready"), "");
        while (!Files.exists(markers.resolve("second-done"))) {
            pausedPoll(consumer);
            check(deadline, "the second consumer never finished");
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500); // exports after the partition moved
        while (System.nanoTime() < until) {
            pausedPoll(consumer);
        }
        behind(consumer).forEach((partition, behind) -> System.out.println("owns " + partition + " " + behind));
        Files.writeString(markers.resolve("first-done"), "");
    }

    private static void second(String topic, KafkaConsumer<byte[], byte[]> consumer, Path markers) throws Exception {
        long deadline = deadline();
        while (!Files.exists(markers.resolve("first-ready"))) {
            Thread.sleep(50);
            check(deadline, "the first consumer never got ready");
        }
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty() || behind(consumer).values().stream().anyMatch(b -> b > 0)) {
            consumer.poll(Duration.ofMillis(100));
            check(deadline, "never drained what it was given");
        }
        consumer.poll(Duration.ofMillis(100)); // a fetch at the end: the client's lag reads 0
        behind(consumer).forEach((partition, behind) -> System.out.println("owns " + partition + " " + behind));
        Files.writeString(markers.resolve("second-done"), "");
        while (!Files.exists(markers.resolve("first-done"))) {
            consumer.poll(Duration.ofMillis(100));
            check(deadline, "the first consumer never finished");
        }
    }

    private static boolean readSomeOfBoth(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.size() < 2) {
            return false;
        }
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition) < 40) {
                return false;
            }
        }
        return true;
    }

    /** Keeps taking part in the group (and in its rebalances) without reading more. */
    private static void pausedPoll(KafkaConsumer<byte[], byte[]> consumer) {
        consumer.pause(consumer.assignment());
        if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
            throw new AssertionError("a paused consumer got records");
        }
    }

    private static Map<Integer, Long> behind(KafkaConsumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        Map<Integer, Long> behind = new TreeMap<>();
        for (TopicPartition partition : assigned) {
            behind.put(partition.partition(), ends.get(partition) - consumer.position(partition));
        }
        return behind;
    }

    private static Properties props(String servers, String group, String protocol) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        if (protocol.equals("classic")) {
            // Incremental: the partition that stays is never revoked; and a rebalance noticed within 200 ms.
            props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200");
        }
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "1024");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private static long deadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(what + " within " + DEADLINE_SECONDS + " s");
        }
    }
}
