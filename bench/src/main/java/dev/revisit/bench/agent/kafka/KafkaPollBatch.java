package dev.revisit.bench.agent.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import dev.revisit.bench.agent.startup.AgentProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the agent adds per consumed Kafka record: the call its advice makes when
 * {@code KafkaConsumer.poll} returns ({@code KafkaHook.get().polled(consumer, records)} — the
 * whole advice body), on a {@value #RECORDS}-record batch over two partitions built in memory
 * (no broker: the consumer is real but never connects). Per-op figures are per record. In the
 * same fork: the application's own least pass over the batch (iterate, read each timestamp) and
 * the do-nothing hook the advice calls before the agent is installed. Run from the repository
 * root after building the agent:
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar KafkaPollBatch -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KafkaPollBatch {
    /** {@code max.poll.records}' default. */
    static final int RECORDS = 500;

    private KafkaConsumer<byte[], byte[]> consumer;
    private ConsumerRecords<byte[], byte[]> batch;
    private KafkaHook agentHook;
    private final KafkaHook noopHook = new KafkaHook() {};

    @Setup
    public void setUp() throws Exception {
        if (!AgentProbe.awaitInstalled(60_000)) {
            throw new IllegalStateException("run with the agent (the fork adds -javaagent:agent/target/revisit-agent.jar; run from the repository root)");
        }
        agentHook = KafkaHook.get();
        if (!agentHook.getClass().getName().endsWith(".KafkaMetrics")) {
            throw new IllegalStateException("the agent did not install its Kafka hook: " + agentHook.getClass());
        }
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", "127.0.0.1:1", "group.id", "bench"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        long published = System.currentTimeMillis() - 1_000;
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> partitions = new HashMap<>();
        for (int p = 0; p < 2; p++) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int i = 0; i < RECORDS / 2; i++) {
                records.add(new ConsumerRecord<>("orders", p, i, published + i, TimestampType.CREATE_TIME, 0, 1,
                        null, new byte[] {1}, new RecordHeaders(), Optional.empty()));
            }
            partitions.put(new TopicPartition("orders", p), records);
        }
        batch = new ConsumerRecords<>(partitions, Map.of());
    }

    @TearDown
    public void tearDown() {
        consumer.close();
    }

    /** The least an application does with a batch: walk it and read each record's timestamp. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long baselineIterate() {
        long sum = 0;
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            sum += record.timestamp();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Object baselineNoopHook() {
        noopHook.polled(consumer, batch);
        return batch;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Object agentHook() {
        agentHook.polled(consumer, batch);
        return batch;
    }
}
