package dev.revisit.testapp.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * How the Kafka test programs fill a topic: one-byte records without keys, spread over its
 * partitions in turn. Not {@link KafkaBacklog}'s: it also runs in a class loader of its own that
 * alone sees kafka-clients, and a class beside it would load from the system class loader, which does not.
 */
final class Publisher {
    private Publisher() {}

    /**
     * Returns once the broker has acknowledged every record, so a failed send fails the program
     * instead of leaving a smaller backlog than the test expects.
     *
     * @param batchBytes the producer's {@code batch.size}: small batches make fetches alternate between partitions
     * @param timestamp  each record's timestamp, read as it is sent
     */
    static void publish(String servers, String topic, int partitions, int count, int batchBytes, LongSupplier timestamp) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchBytes));
        List<Future<?>> sent = new ArrayList<>(count);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, timestamp.getAsLong(), null, new byte[] {1})));
            }
            producer.flush();
        }
        for (Future<?> each : sent) {
            each.get();
        }
    }
}
