package dev.revisit.testapp.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A backlog on a real (in-process KRaft) broker, consumed slowly by one consumer per group
 * protocol; prints the client's jar and what each consumer saw for the test to compare:
 * {@code consumed <group> <records> <delayMillisSum>} and {@code lag <group> <partition> <records behind>};
 * then, having stopped polling, it waits {@value #HOLD_MILLIS} ms (exports happen while the lag is
 * steady), closes the classic group's consumer and prints {@code closed <group>}, and waits again.
 * The new-protocol consumer stays open to the end, as one of a service still running would.
 * args: bootstrapServers prefix published wanted
 * <ul>
 *   <li>{@code <prefix>-orders}, 2 partitions, {@code published} records stamped 30 s ago,
 *       read by group {@code <prefix>-classic} (classic protocol) until at least {@code wanted};</li>
 *   <li>{@code <prefix>-events}, 1 partition, the same, read by {@code <prefix>-consumer}
 *       (the new consumer-group protocol, KIP-848).</li>
 * </ul>
 */
public final class KafkaBacklog {
    private static final long HOLD_MILLIS = 1_200;
    /** The consumers left open; static, so nothing collects them before the program ends. */
    static final List<KafkaConsumer<byte[], byte[]>> KEPT_OPEN = new java.util.ArrayList<>();

    public static void main(String[] args) throws Exception {
        String servers = args[0];
        String prefix = args[1];
        int published = Integer.parseInt(args[2]);
        int wanted = Integer.parseInt(args[3]);
        System.out.println("kafka-clients from " + Path.of(KafkaConsumer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(prefix + "-orders", 2, (short) 1), new NewTopic(prefix + "-events", 1, (short) 1))).all().get();
        }
        publish(servers, prefix + "-orders", 2, published);
        publish(servers, prefix + "-events", 1, published);
        consume(servers, prefix + "-orders", prefix + "-classic", "classic", wanted, true);
        consume(servers, prefix + "-events", prefix + "-consumer", "consumer", wanted, false);
    }

    private static void publish(String servers, String topic, int partitions, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "2048"); // small batches, so fetches alternate between partitions
        long stamp = System.currentTimeMillis() - 30_000L;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, stamp, null, new byte[] {1}));
            }
            producer.flush();
        }
    }

    private static void consume(String servers, String topic, String group, String protocol, int wanted, boolean close)
            throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "2048");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long consumed = 0;
        long delayMillis = 0;
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (consumed < wanted && System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                consumed++;
                delayMillis += now - record.timestamp();
            }
            Thread.sleep(20); // a slow consumer
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        Map<Integer, Long> behind = new TreeMap<>();
        for (TopicPartition partition : assigned) {
            behind.put(partition.partition(), ends.get(partition) - consumer.position(partition));
        }
        System.out.println("consumed " + group + " " + consumed + " " + delayMillis);
        behind.forEach((partition, lag) -> System.out.println("lag " + group + " " + partition + " " + lag));
        Thread.sleep(HOLD_MILLIS);
        if (close) {
            consumer.close();
            System.out.println("closed " + group);
            Thread.sleep(HOLD_MILLIS);
        } else {
            KEPT_OPEN.add(consumer);
        }
    }
}
