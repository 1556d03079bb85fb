package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Point;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.LocalServer;
import dev.revisit.testapp.isolation.OwnClassLoader;
import dev.revisit.testapp.nats.JetStreamBacklog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10,000-message backlog in a real NATS JetStream stream, consumed slowly after a 1 s wait
 * by every kind of subscription (legacy pull and push, the simplified API's next/fetch and
 * consume, an ordered consumer), next to core NATS messages, which carry no metadata.
 */
class NatsIT {
    private static final int PUBLISHED = 10_000;
    /** The program waits longer than this between publishing and consuming: every delay is more than this. */
    private static final double CAUSED_DELAY_SECONDS = 1.0;
    /**
     * Per message: the agent reads the clock as the client hands the message over, the program
     * when it gets it; on a loaded 2-core machine that can be tens of milliseconds apart.
     */
    private static final double TOLERANCE_PER_MESSAGE_SECONDS = 0.05;
    /** Several exports in each of the program's 700 ms holds. */
    private static final String EXPORT_MILLIS = "200";

    private static String stream;
    private static AgentRun run;

    @BeforeAll
    static void consumeBacklog() {
        LocalServer.require("NATS", 4222);
        stream = "revisit-it-" + ProcessHandle.current().pid() + "-" + Runtime.version().feature() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        String jnats = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.replace('\\', '/').contains("/io/nats/jnats/")).findFirst()
                .orElseThrow(() -> new AssertionError("jnats is not on the test class path"));
        // jnats in a class loader of the application's own, as in a Spring Boot jar: the agent cannot see it.
        run = AgentHarness.builder(OwnClassLoader.class).prometheus().withoutClasspath("/io/nats/").property("revisit.export.interval.ms", EXPORT_MILLIS)
                .args(jnats, "io.nats.client.Nats", JetStreamBacklog.class.getName(), "backlog", stream, Integer.toString(PUBLISHED))
                .run().assertSucceeded();
    }

    @Test
    void worksWhereOnlyTheApplicationsOwnClassLoaderSeesTheClient() {
        assertTrue(run.stdout().contains("library hidden from the system class loader"), run.stdout());
        assertTrue(run.stdout().contains("library loaded by own loader true"), run.stdout());
        assertFalse(run.stderr().contains("nats stays off"), run.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull", "push", "simple", "handler"})
    void namedConsumersDelayCountAndLagMatchWhatTheyCaused(String consumer) {
        long[] consumed = run.line("consumed " + consumer);
        Points count = run.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.consumer.group.name", consumer);
        assertEquals(consumed[0], count.value(), count.toString());
        assertEquals(Map.of("messaging.system", "nats", "messaging.destination.name", stream, "messaging.consumer.group.name", consumer),
                count.points().get(0).attributes());
        assertEquals(consumed[0], run.prometheus().sum("messaging_client_consumed_messages_total", "messaging_consumer_group_name", consumer));

        Points delay = run.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.consumer.group.name", consumer);
        assertEquals("s", delay.unit());
        assertEquals(consumed[0], delay.count(), delay.toString());
        assertEquals(consumed[1] / 1e3, delay.sum(), consumed[0] * TOLERANCE_PER_MESSAGE_SECONDS, delay.toString());
        assertEquals(consumed[0], delay.points().get(0).countFrom(CAUSED_DELAY_SECONDS), "every delay ≥ the caused 1 s: " + delay);
        assertTrue(delay.sum() / delay.count() < 30, delay.toString());

        long pending = run.line("pending " + consumer)[0];
        assertEquals(PUBLISHED - consumed[0], pending, "the backlog minus what was consumed, as the server counts it");
        assertLagUntilItsSubscriptionsEnded(run, pending, p -> p.withAttr("messaging.consumer.group.name", consumer));
        assertEquals(List.of(), run.prometheus().samples("revisit_messaging_consumer_lag", "messaging_consumer_group_name", consumer),
                "unsubscribed before the scrape");
    }

    /**
     * Two subscriptions on one durable: the lag stays while either is open — without a gap when
     * the first ends — and goes when the second has.
     */
    @Test
    void aDurableReadByTwoSubscriptionsKeepsItsLagUntilTheLastEnds() {
        long both = run.line("pending pool-both")[0];
        long last = run.line("pending pool")[0];
        assertEquals(both - 30, last, run.stdout());
        List<Double> history = run.otlp().valueHistory(MessagingMetrics.LAG, p -> p.withAttr("messaging.consumer.group.name", "pool"));
        int first = history.indexOf((double) both);
        assertTrue(first >= 0, history.toString());
        List<Double> since = history.subList(first, history.size());
        int lastShown = since.size() - 1;
        while (lastShown >= 0 && Double.isNaN(since.get(lastShown))) {
            lastShown--;
        }
        assertTrue(lastShown < since.size() - 1, "gone at the end: " + history);
        assertEquals(last, since.get(lastShown), history.toString());
        for (int i = 1; i <= lastShown; i++) {
            // No gap while one subscription is open; the second's fetch may be seen half-way.
            assertTrue(since.get(i) <= since.get(i - 1), "no gap, never up: " + history);
        }
    }

    /** The lag as the last export that had it had it; none at the end. */
    private static void assertLagUntilItsSubscriptionsEnded(AgentRun of, long pending, UnaryOperator<Points> narrow) {
        Points lastSeen = of.otlp().lastWith(MessagingMetrics.LAG, narrow);
        assertEquals(List.of((double) pending), lastSeen.points().stream().map(Point::value).toList(), lastSeen.toString());
        Points atEnd = narrow.apply(of.otlp().last().metric(MessagingMetrics.LAG));
        assertEquals(List.of(), atEnd.points(), "unsubscribed: " + atEnd);
    }

    @Test
    void anOrderedConsumerHasNoNameToReport() {
        long[] consumed = run.line("consumed ordered");
        Points count = run.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", stream)
                .withoutAttr("messaging.consumer.group.name");
        assertEquals(1, count.points().size(), count.toString());
        assertEquals(consumed[0], count.value(), count.toString());
        assertEquals(consumed[0], run.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", stream)
                .withoutAttr("messaging.consumer.group.name").count());
        assertLagUntilItsSubscriptionsEnded(run, run.line("pending ordered")[0],
                p -> p.withAttr("messaging.destination.name", stream).withoutAttr("messaging.consumer.group.name"));
    }

    @Test
    void coreNatsMessagesCarryNoMetadataAndAreNotCounted() {
        assertEquals(10, run.line("core")[0]);
        long jetStream = Long.parseLong(faults(run).get("deleted").split(" ")[0]); // fetched before the consumer went
        for (String consumer : new String[] {"pull", "push", "simple", "handler", "ordered", "pool"}) {
            jetStream += run.line("consumed " + consumer)[0];
        }
        Points all = run.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.system", "nats");
        assertEquals(jetStream, all.value(), all.toString());
        assertEquals(0, run.otlp().metric(MessagingMetrics.CLAMPED).withAttr("messaging.system", "nats").value(),
                "one clock: no skew to clamp");
    }

    @Test
    void anOlderClientIsCoveredTheSameWay() throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("revisit.jnats-old.libs", "target/jnats-old-libs")))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith("jnats-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no older jnats: run through mvn verify (pre-integration-test copies it)"));
        }
        int published = 2_000;
        AgentRun old = AgentHarness.builder(OwnClassLoader.class).withoutClasspath("/io/nats/").property("revisit.export.interval.ms", EXPORT_MILLIS)
                .args(jar.toString(), "io.nats.client.Nats", JetStreamBacklog.class.getName(), "legacy", stream + "-old", Integer.toString(published))
                .run().assertSucceeded();
        assertTrue(old.stdout().contains("library loaded by own loader true"), old.stdout());
        for (String consumer : new String[] {"pull", "push"}) {
            long[] consumed = old.line("consumed " + consumer);
            Points count = old.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.consumer.group.name", consumer);
            assertEquals(consumed[0], count.value(), jar + ": " + count);
            Points delay = old.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.consumer.group.name", consumer);
            assertEquals(consumed[1] / 1e3, delay.sum(), consumed[0] * TOLERANCE_PER_MESSAGE_SECONDS, delay.toString());
            long pending = old.line("pending " + consumer)[0];
            assertEquals(published - consumed[0], pending);
            assertLagUntilItsSubscriptionsEnded(old, pending, p -> p.withAttr("messaging.consumer.group.name", consumer));
        }
    }

    @Test
    void faultsEndAsTheyDoWithoutTheAgent() {
        AgentRun bare = AgentHarness.builder(JetStreamBacklog.class).withoutAgent()
                .args("faults", stream + "-bare").run().assertSucceeded();
        Map<String, String> withAgent = faults(run);
        assertEquals(faults(bare), withAgent);
        assertEquals(3, withAgent.size(), run.stdout());
        assertTrue(withAgent.get("unreachable").contains("Exception"), withAgent.toString());
        assertFalse(run.stderr().contains("could not instrument"), run.stderr());
        assertEquals(List.of(), run.warnings(), run.stderr());
    }

    private static Map<String, String> faults(AgentRun of) {
        Map<String, String> outcomes = new HashMap<>();
        of.stdout().lines().filter(l -> l.startsWith("fault ")).forEach(l -> {
            String[] parts = l.split(" ", 3);
            outcomes.put(parts[1], parts[2]);
        });
        return outcomes;
    }
}
