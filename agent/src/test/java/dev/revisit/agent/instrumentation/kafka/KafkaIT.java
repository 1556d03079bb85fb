package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.ExportedMetrics;
import dev.revisit.testapp.isolation.OwnClassLoader;
import dev.revisit.testapp.kafka.KafkaBacklog;
import dev.revisit.testapp.kafka.KafkaFaults;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10,000-record backlog per topic on a real Kafka broker started in this JVM (KRaft, one
 * combined node, from Maven Central's Kafka artifacts), read slowly in a child JVM by a
 * classic and a new-protocol consumer group.
 */
class KafkaIT {
    private static final int PUBLISHED = 10_000;
    private static final int WANTED = 600;
    private static final int PUBLISHED_3 = 2_000;
    private static final int WANTED_3 = 300;
    /**
     * Per record: the program reads the clock after the poll returned, the agent as it returns;
     * on a loaded 2-core machine that can be tens of milliseconds (each delay is about 30 s).
     */
    private static final double TOLERANCE_PER_RECORD_SECONDS = 0.05;

    private static KafkaClusterTestKit broker;
    private static String prefix;
    private static AgentRun run;
    private static String prefix3;
    private static AgentRun run3;
    private static AgentRun faultsBare;
    private static AgentRun faults;
    private static boolean brokerStopped;

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

        // kafka-clients 3.x, loaded by a class loader of the application's own that the agent cannot see.
        prefix3 = prefix + "-k3";
        run3 = AgentHarness.builder(OwnClassLoader.class)
                .withoutClasspath("/org/apache/kafka/kafka-clients/")
                .args(kafka3Jar().toString(), "org.apache.kafka.clients.consumer.KafkaConsumer", KafkaBacklog.class.getName(),
                        broker.bootstrapServers(), prefix3, Integer.toString(PUBLISHED_3), Integer.toString(WANTED_3))
                .timeout(Duration.ofMinutes(3)).run().assertSucceeded();

        faultsBare = AgentHarness.builder(KafkaFaults.class).withoutAgent()
                .args(broker.bootstrapServers(), prefix + "-faults-bare", "midpoll").timeout(Duration.ofMinutes(2)).run();
        // Last: the broker goes away under this run.
        Path marker = Files.createTempFile("revisit-kafka-", ".marker");
        Files.delete(marker);
        Thread stopper = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!Files.exists(marker) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (Files.exists(marker)) {
                    broker.close();
                    brokerStopped = true;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "broker-stopper");
        stopper.start();
        faults = AgentHarness.builder(KafkaFaults.class).property("revisit.export.interval.ms", "200")
                .args(broker.bootstrapServers(), prefix + "-faults", "gone", marker.toString()).timeout(Duration.ofMinutes(2)).run();
        stopper.join(60_000);
        Files.deleteIfExists(marker);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null && !brokerStopped) {
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

    @Test
    void kafkaClients3InTheApplicationsOwnClassLoaderBothProtocols() {
        assertTrue(run3.stdout().contains("library hidden from the system class loader"), run3.stdout());
        assertTrue(run3.stdout().contains("library loaded by own loader true"), run3.stdout());
        assertTrue(run3.stdout().contains("kafka-clients from kafka-clients-3."), run3.stdout());
        assertFalse(run3.stderr().contains("kafka stays off"), run3.stderr());
        assertGroup(run3, PUBLISHED_3, WANTED_3, prefix3 + "-orders", prefix3 + "-classic", List.of("0", "1"));
        assertGroup(run3, PUBLISHED_3, WANTED_3, prefix3 + "-events", prefix3 + "-consumer", List.of("0"));
    }

    @Test
    void aConsumerClosedMidPollBehavesAsWithoutTheAgent() {
        faultsBare.assertSucceeded();
        faults.assertSucceeded();
        List<String> bare = faultsBare.stdout().lines().filter(l -> l.startsWith("close ") || l.startsWith("poller")).toList();
        assertEquals(List.of("close from another thread mid-poll: ConcurrentModificationException",
                "poller: 200 records, then WakeupException, closed"), bare, faultsBare.stdout());
        assertEquals(bare, faults.stdout().lines().filter(l -> l.startsWith("close ") || l.startsWith("poller")).toList());
        assertEquals(200, faults.otlp().metric(MessagingMetrics.CONSUMED)
                .withAttr("messaging.consumer.group.name", prefix + "-faults-midpoll").value());
    }

    @Test
    void aBrokerThatGoesAwayLeavesTheApplicationAlone() {
        assertTrue(brokerStopped, "the broker was never stopped: " + faults.stdout());
        assertTrue(faults.stdout().contains("broker gone: read 200, kept polling, 0 failed polls"), faults.stdout());
        assertTrue(faults.stdout().contains("broker gone: closed"), faults.stdout());
        assertFalse(faults.stderr().contains("[revisit] WARN"), faults.stderr());
        // Both consumers read to the end before closing; their last lag was read at close and stays.
        List<ExportedMetrics> exports = faults.otlp().asOfEachExport();
        Points lastLag = exports.get(exports.size() - 1).metric(MessagingMetrics.LAG);
        assertEquals(Set.of(prefix + "-faults-midpoll", prefix + "-faults-gone"), lastLag.values("messaging.consumer.group.name"), lastLag.toString());
        assertEquals(0, lastLag.value(), lastLag.toString());
    }

    private static void assertGroup(String topic, String group, List<String> partitions) {
        assertGroup(run, PUBLISHED, WANTED, topic, group, partitions);
    }

    private static void assertGroup(AgentRun run, int published, int wanted, String topic, String group, List<String> partitions) {
        long[] consumed = run.line("consumed " + group);
        assertTrue(consumed[0] >= wanted, run.stdout());
        Points count = run.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", topic);
        assertEquals(consumed[0], count.withAttr("messaging.consumer.group.name", group).value(), count + "\n" + run.stderr());
        assertEquals(consumed[0], count.value(), "one series per topic and group: " + count);

        Points delay = run.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", topic)
                .withAttr("messaging.consumer.group.name", group).withAttr("messaging.system", "kafka");
        assertEquals(consumed[0], delay.count(), delay.toString());
        assertEquals(consumed[1] / 1e3, delay.sum(), consumed[0] * TOLERANCE_PER_RECORD_SECONDS, delay.toString());

        long totalBehind = 0;
        Points lag = run.otlp().metric(MessagingMetrics.LAG).withAttr("messaging.destination.name", topic)
                .withAttr("messaging.consumer.group.name", group);
        for (String partition : partitions) {
            long behind = run.line("lag " + group + " " + partition)[0];
            totalBehind += behind;
            assertEquals(behind, lag.withAttr("messaging.destination.partition.id", partition).value(), lag.toString());
            if (run == KafkaIT.run) { // the one run that was scraped
                assertEquals(behind, run.prometheus().sum("revisit_messaging_consumer_lag", "messaging_destination_name", topic,
                        "messaging_destination_partition_id", partition));
            }
        }
        assertEquals(published - consumed[0], totalBehind);
    }

    private static Path kafka3Jar() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("revisit.kafka3.libs", "target/kafka3-libs")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("kafka-clients-3.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no kafka-clients 3.x in target/kafka3-libs (the pre-integration-test copy)"));
        }
    }
}
