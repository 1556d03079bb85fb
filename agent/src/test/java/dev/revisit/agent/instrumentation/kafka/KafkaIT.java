package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.testapp.kafka.KafkaBacklog;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10,000-record backlog per topic on a real Kafka broker started in this JVM (KRaft, one
 * combined node, from Maven Central's Kafka artifacts), read slowly in a child JVM by a
 * classic and a new-protocol consumer group.
 */
class KafkaIT {
    private static final int PUBLISHED = 10_000;
    private static final int WANTED = 600;
    /**
     * Per record: the program reads the clock after the poll returned, the agent as it returns;
     * on a loaded 2-core machine that can be tens of milliseconds (each delay is about 30 s).
     */
    private static final double TOLERANCE_PER_RECORD_SECONDS = 0.05;

    private static KafkaClusterTestKit broker;
    private static String prefix;
    private static AgentRun run;

    @BeforeAll
    static void startBrokerAndConsume() throws Exception {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics with one replica, and no wait for more group members.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        prefix = "revisit-" + Runtime.version().feature();
        run = AgentHarness.builder(KafkaBacklog.class).prometheus()
                .args(broker.bootstrapServers(), prefix, Integer.toString(PUBLISHED), Integer.toString(WANTED))
                .timeout(Duration.ofMinutes(3)).run().assertSucceeded();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void classicGroupDelayCountAndLagMatchWhatTheConsumerSaw() {
        assertGroup(prefix + "-orders", prefix + "-classic", List.of("0", "1"));
    }

    @Test
    void newProtocolGroupDelayCountAndLagMatchWhatTheConsumerSaw() {
        assertGroup(prefix + "-events", prefix + "-consumer", List.of("0"));
    }

    private static void assertGroup(String topic, String group, List<String> partitions) {
        long[] consumed = line("consumed " + group);
        assertTrue(consumed[0] >= WANTED, run.stdout());
        Points count = run.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", topic);
        assertEquals(consumed[0], count.withAttr("messaging.consumer.group.name", group).value(), count.toString());
        assertEquals(consumed[0], count.value(), "one series per topic and group: " + count);

        Points delay = run.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", topic)
                .withAttr("messaging.consumer.group.name", group).withAttr("messaging.system", "kafka");
        assertEquals(consumed[0], delay.count(), delay.toString());
        assertEquals(consumed[1] / 1e3, delay.sum(), consumed[0] * TOLERANCE_PER_RECORD_SECONDS, delay.toString());

        long totalBehind = 0;
        Points lag = run.otlp().metric(MessagingMetrics.LAG).withAttr("messaging.destination.name", topic)
                .withAttr("messaging.consumer.group.name", group);
        for (String partition : partitions) {
            long behind = line("lag " + group + " " + partition)[0];
            totalBehind += behind;
            assertEquals(behind, lag.withAttr("messaging.destination.partition.id", partition).value(), lag.toString());
            assertEquals(behind, run.prometheus().sum("revisit_messaging_consumer_lag", "messaging_destination_name", topic,
                    "messaging_destination_partition_id", partition));
        }
        assertEquals(PUBLISHED - consumed[0], totalBehind);
    }

    private static long[] line(String key) {
        return run.stdout().lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> java.util.Arrays.stream(l.substring(key.length() + 1).split(" ")).mapToLong(Long::parseLong).toArray())
                .orElseThrow(() -> new AssertionError("no line '" + key + "' in\n" + run.stdout() + "\n" + run.stderr()));
    }
}
