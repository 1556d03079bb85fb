package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.List;

/**
 * On {@code KafkaConsumer.poll(Duration)}: each returned record's timestamp against now.
 * Walks partitions and indexes their lists: allocation per poll and partition, none per record.
 */
public final class PollAdvice {
    private PollAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object consumer, @Advice.Return ConsumerRecords<?, ?> records) {
        KafkaHook hook = KafkaHook.get();
        if (records != null && !records.isEmpty()) {
            long now = System.currentTimeMillis();
            for (TopicPartition partition : records.partitions()) {
                List<? extends ConsumerRecord<?, ?>> list = records.records(partition);
                Object handle = hook.partition(consumer, partition.topic(), partition.partition(), list.size());
                for (int i = 0; i < list.size(); i++) {
                    hook.record(handle, list.get(i).timestamp(), now);
                }
            }
        }
        hook.polled(consumer);
    }
}
