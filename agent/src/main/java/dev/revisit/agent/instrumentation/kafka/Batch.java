package dev.revisit.agent.instrumentation.kafka;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How to read one {@code ConsumerRecords} class (one per kafka-clients copy): its partitions,
 * each partition's record list, and each record's timestamp. Found once per class, in the class
 * loader the client came from (the agent cannot link against it), as method handles. (A
 * {@code LambdaMetafactory} function would inline better, but needs full-privilege access to
 * the client's module, which an application class loader's unnamed module does not grant the
 * agent's; JMH {@code KafkaPollBatch} measures the handle.)
 */
final class Batch {
    private static final String TOPIC_PARTITION = "org.apache.kafka.common.TopicPartition";
    private static final String RECORD = "org.apache.kafka.clients.consumer.ConsumerRecord";
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    static final ClassValue<Batch> OF = new ClassValue<>() {
        @Override
        protected Batch computeValue(Class<?> records) {
            try {
                return new Batch(records);
            } catch (Throwable t) {
                throw new IllegalStateException("not a ConsumerRecords this agent can read: " + records.getName() + " (" + t + ")", t);
            }
        }
    };

    /** {@code (Object records)boolean}. */
    final MethodHandle isEmpty;
    /** {@code (Object records)Object}: the {@code Set<TopicPartition>}. */
    final MethodHandle partitions;
    /** {@code (Object records, Object partition)Object}: the {@code List<ConsumerRecord>}. */
    final MethodHandle records;
    /** {@code (Object partition)Object}: the topic name. */
    final MethodHandle topic;
    /** {@code (Object partition)int}. */
    final MethodHandle partition;
    /** {@code (Object record)long}. */
    final MethodHandle timestamp;

    private Batch(Class<?> recordsClass) throws Throwable {
        ClassLoader loader = recordsClass.getClassLoader();
        Class<?> topicPartition = Class.forName(TOPIC_PARTITION, false, loader);
        Class<?> record = Class.forName(RECORD, false, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        isEmpty = lookup.findVirtual(recordsClass, "isEmpty", MethodType.methodType(boolean.class))
                .asType(MethodType.methodType(boolean.class, Object.class));
        partitions = lookup.findVirtual(recordsClass, "partitions", MethodType.methodType(java.util.Set.class)).asType(GETTER);
        records = lookup.findVirtual(recordsClass, "records", MethodType.methodType(java.util.List.class, topicPartition))
                .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        topic = lookup.findVirtual(topicPartition, "topic", MethodType.methodType(String.class)).asType(GETTER);
        partition = lookup.findVirtual(topicPartition, "partition", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        timestamp = lookup.findVirtual(record, "timestamp", MethodType.methodType(long.class))
                .asType(MethodType.methodType(long.class, Object.class));
    }
}
