package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.ExportedMetrics;
import dev.revisit.agent.testing.PrometheusScrape;
import dev.revisit.testapp.isolation.OwnClassLoader;
import dev.revisit.testapp.kafka.KafkaBacklog;
import dev.revisit.testapp.kafka.KafkaFaults;
import dev.revisit.testapp.kafka.KafkaRebalance;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
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
    /** Several exports while a program holds its consumers still (1.2 s), before and after closing one. */
    private static final String EXPORT_MILLIS = "300";

    private static KafkaClusterTestKit broker;
    private static String prefix;
    private static AgentRun run;
    private static String prefix3;
    private static AgentRun run3;
    private static AgentRun faultsBare;
    private static AgentRun faults;
    private static boolean brokerStopped;
    /** By "protocol role": the two JVMs of each rebalance. */
    private static final Map<String, AgentRun> rebalanced = new TreeMap<>();

    @BeforeAll
    static void startBrokerAndConsume() throws Exception {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // One broker: internal topics with one replica, and no wait for more group members.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // The new protocol's members hear of a rebalance at their next heartbeat: 5 s by default.
                .setConfigProp("group.consumer.min.heartbeat.interval.ms", "200")
                .setConfigProp("group.consumer.heartbeat.interval.ms", "200")
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        prefix = "revisit-" + Runtime.version().feature();
        run = AgentHarness.builder(KafkaBacklog.class).prometheus().property("revisit.export.interval.ms", EXPORT_MILLIS)
                .args(broker.bootstrapServers(), prefix, Integer.toString(PUBLISHED), Integer.toString(WANTED))
                .timeout(Duration.ofMinutes(3)).run().assertSucceeded();

        // kafka-clients 3.x, loaded by a class loader of the application's own that the agent cannot see.
        prefix3 = prefix + "-k3";
        run3 = AgentHarness.builder(OwnClassLoader.class).property("revisit.export.interval.ms", EXPORT_MILLIS)
                .withoutClasspath("/org/apache/kafka/kafka-clients/")
                .args(kafka3Jar().toString(), "org.apache.kafka.clients.consumer.KafkaConsumer", KafkaBacklog.class.getName(),
                        broker.bootstrapServers(), prefix3, Integer.toString(PUBLISHED_3), Integer.toString(WANTED_3))
                .timeout(Duration.ofMinutes(3)).run().assertSucceeded();

        // A partition moving between two JVMs of one group, both protocols at once (before the broker goes).
        // Four JVMs that wait for each other: each needs a thread of its own. The default async pool
        // may run them one at a time (the common pool has one thread on two cores, and newer JDKs
        // use it even then), which would leave every "first" waiting for a "second" not yet started.
        ExecutorService starters = Executors.newFixedThreadPool(4);
        Map<String, CompletableFuture<AgentRun>> rebalancing = new TreeMap<>();
        for (String protocol : List.of("classic", "consumer")) {
            String topic = prefix + "-moves-" + protocol;
            Path markers = Files.createTempDirectory("revisit-kafka-rebalance-");
            for (String role : List.of("first", "second")) {
                rebalancing.put(protocol + " " + role,
                        CompletableFuture.supplyAsync(() -> rebalancing(topic, topic + "-group", protocol, role, markers), starters));
            }
        }
        rebalancing.forEach((key, run) -> rebalanced.put(key, run.join()));
        starters.shutdown();

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
    void classicGroupDelayCountAndLagMatchWhatTheConsumerSawAndItsLagGoesWhenItCloses() {
        assertGroup(prefix + "-orders", prefix + "-classic", List.of("0", "1"), true);
    }

    @Test
    void newProtocolGroupDelayCountAndLagMatchWhatTheConsumerSawAndStayWhileItIsOpen() {
        assertGroup(prefix + "-events", prefix + "-consumer", List.of("0"), false);
    }

    @Test
    void kafkaClients3InTheApplicationsOwnClassLoaderBothProtocols() {
        assertTrue(run3.stdout().contains("library hidden from the system class loader"), run3.stdout());
        assertTrue(run3.stdout().contains("library loaded by own loader true"), run3.stdout());
        assertTrue(run3.stdout().contains("kafka-clients from kafka-clients-3."), run3.stdout());
        assertFalse(run3.stderr().contains("kafka stays off"), run3.stderr());
        assertGroup(run3, PUBLISHED_3, WANTED_3, prefix3 + "-orders", prefix3 + "-classic", List.of("0", "1"), true);
        assertGroup(run3, PUBLISHED_3, WANTED_3, prefix3 + "-events", prefix3 + "-consumer", List.of("0"), false);
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
        assertEquals(List.of(), faults.warnings(), faults.stderr());
        // Both consumers read to the end (lag 0 while open), then closed: the last export has no lag of theirs.
        for (String group : List.of(prefix + "-faults-midpoll", prefix + "-faults-gone")) {
            Points lastSeen = faults.otlp().lastWith(MessagingMetrics.LAG, p -> p.withAttr("messaging.consumer.group.name", group));
            assertEquals(List.of(0.0), lastSeen.points().stream().map(ExportedMetrics.Point::value).toList(), group + ": " + lastSeen);
        }
        assertFalse(faults.otlp().last().metric(MessagingMetrics.LAG).exists(), "closed consumers report no lag");
    }

    /**
     * Two instances of a service (two JVMs), one group: the first owns both partitions with a
     * backlog on each, the second joins and takes one. From then on only the second exports the
     * partition that moved (drained: 0) — the first, which last saw a backlog there, no longer does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"classic", "consumer"})
    void aPartitionThatMovesIsReportedOnlyByItsNewOwner(String protocol) {
        String topic = prefix + "-moves-" + protocol;
        String group = topic + "-group";
        AgentRun before = rebalanced.get(protocol + " first").assertSucceeded();
        AgentRun after = rebalanced.get(protocol + " second").assertSucceeded();

        Map<String, Long> firstOwned = lines(before, "before ");
        assertEquals(List.of("0", "1"), List.copyOf(firstOwned.keySet()), before.stdout());
        assertTrue(firstOwned.values().stream().allMatch(behind -> behind > 0), firstOwned.toString());
        assertTrue(before.otlp().each().stream().anyMatch(e -> firstOwned.equals(lags(e, topic, group))),
                "the first exported both partitions' backlog while it owned them");

        Map<String, Long> kept = lines(before, "owns ");
        Map<String, Long> moved = lines(after, "owns ");
        assertEquals(1, kept.size(), before.stdout());
        assertEquals(Map.of(moved.keySet().iterator().next(), 0L), moved, after.stdout());
        assertFalse(kept.containsKey(moved.keySet().iterator().next()), kept + " " + moved);
        assertEquals(firstOwned.get(kept.keySet().iterator().next()), kept.values().iterator().next(), "the paused partition kept its backlog");

        assertEquals(kept, lags(before.otlp().last(), topic, group), "the first reports only what it still owns");
        assertEquals(moved, lags(after.otlp().last(), topic, group), "the second reports what it took");
        assertEquals(kept, scrapedLags(before, topic, group));
        assertEquals(moved, scrapedLags(after, topic, group));
    }

    private static AgentRun rebalancing(String topic, String group, String protocol, String role, Path markers) {
        return AgentHarness.builder(KafkaRebalance.class).prometheus().property("revisit.export.interval.ms", EXPORT_MILLIS)
                .args(broker.bootstrapServers(), topic, group, protocol, role, markers.toString())
                .timeout(Duration.ofMinutes(3)).run();
    }

    /** {@code <prefix><partition> <behind>} lines of the program's output. */
    private static Map<String, Long> lines(AgentRun run, String prefix) {
        Map<String, Long> found = new TreeMap<>();
        run.stdout().lines().filter(l -> l.startsWith(prefix)).forEach(l -> {
            String[] parts = l.substring(prefix.length()).split(" ");
            found.put(parts[0], Long.parseLong(parts[1]));
        });
        return found;
    }

    /** Partition to lag, as one export had them for this topic and group. */
    private static Map<String, Long> lags(ExportedMetrics export, String topic, String group) {
        Map<String, Long> found = new TreeMap<>();
        export.metric(MessagingMetrics.LAG).withAttr("messaging.destination.name", topic).withAttr("messaging.consumer.group.name", group)
                .points().forEach(p -> found.put(p.attributes().get("messaging.destination.partition.id"), (long) p.value()));
        return found;
    }

    private static Map<String, Long> scrapedLags(AgentRun run, String topic, String group) {
        Map<String, Long> found = new TreeMap<>();
        run.prometheus().samples("revisit_messaging_consumer_lag", "messaging_destination_name", topic, "messaging_consumer_group_name", group)
                .forEach(s -> found.put(s.labels().get("messaging_destination_partition_id"), (long) s.value()));
        return found;
    }

    private static void assertGroup(String topic, String group, List<String> partitions, boolean closed) {
        assertGroup(run, PUBLISHED, WANTED, topic, group, partitions, closed);
    }

    /**
     * Count and delay as the consumer saw them; lag, as of the last export that had it, as the
     * consumer counted it when it stopped polling; and at the end (the last export, the scrape
     * after the program ended) gone when the consumer closed, still there when it is open.
     */
    private static void assertGroup(AgentRun run, int published, int wanted, String topic, String group, List<String> partitions,
                                    boolean closed) {
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
        for (String partition : partitions) {
            long behind = run.line("lag " + group + " " + partition)[0];
            totalBehind += behind;
            Points lastSeen = run.otlp().lastWith(MessagingMetrics.LAG, p -> lag(p, topic, group, partition));
            assertEquals(List.of(behind), lastSeen.points().stream().map(p -> (long) p.value()).toList(), lastSeen.toString());
            Points atEnd = lag(run.otlp().last().metric(MessagingMetrics.LAG), topic, group, partition);
            assertEquals(closed ? List.of() : List.of(behind), atEnd.points().stream().map(p -> (long) p.value()).toList(),
                    (closed ? "a closed consumer's lag goes: " : "an open consumer's lag stays: ") + atEnd);
            if (run == KafkaIT.run) { // the one run that was scraped
                List<PrometheusScrape.Sample> scraped = run.prometheus().samples("revisit_messaging_consumer_lag", "messaging_destination_name", topic,
                        "messaging_consumer_group_name", group, "messaging_destination_partition_id", partition);
                assertEquals(closed ? List.of() : List.of((double) behind), scraped.stream().map(PrometheusScrape.Sample::value).toList());
            }
        }
        assertEquals(published - consumed[0], totalBehind);
    }

    private static Points lag(Points lag, String topic, String group, String partition) {
        return lag.withAttr("messaging.destination.name", topic)
                .withAttr("messaging.consumer.group.name", group).withAttr("messaging.destination.partition.id", partition);
    }

    private static Path kafka3Jar() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("revisit.kafka3.libs", "target/kafka3-libs")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("kafka-clients-3.")).findFirst()
                    .orElseThrow(() -> new AssertionError("no kafka-clients 3.x in target/kafka3-libs (the pre-integration-test copy)"));
        }
    }
}
