package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.agent.testing.ExportedMetrics.Point;
import dev.revisit.agent.testing.ExportedMetrics.Points;
import dev.revisit.agent.testing.LocalServer;
import dev.revisit.agent.testing.ExportedMetrics;
import dev.revisit.testapp.isolation.OwnClassLoader;
import dev.revisit.testapp.rabbitmq.BrokerOutage;
import dev.revisit.testapp.rabbitmq.QueueComesBack;
import dev.revisit.testapp.rabbitmq.RefusedAndLockedQueues;
import dev.revisit.testapp.rabbitmq.SlowConsumer;
import dev.revisit.testapp.rabbitmq.UnreadQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 10,000-message backlog on the real RabbitMQ, consumed slowly by pull and by push. */
class RabbitMqIT {
    private static final int PUBLISHED = 10_000;
    private static final int PULLED = 100;
    private static final int PUSHED = 500;
    /** Per message: the agent reads the clock where the client receives, the program where it handles. */
    private static final double TOLERANCE_PER_MESSAGE_SECONDS = 0.01;
    /** Several exports in the 700 ms the program holds its connection open at the end. */
    private static final String EXPORT_MILLIS = "200";

    private static String prefix;
    private static AgentRun backlog;

    @BeforeAll
    static void consumeBacklog() {
        LocalServer.require("RabbitMQ", 5672);
        prefix = "revisit-it-" + ProcessHandle.current().pid() + "-" + Runtime.version().feature();
        backlog = AgentHarness.builder(SlowConsumer.class).prometheus().property("revisit.export.interval.ms", EXPORT_MILLIS)
                .args("backlog", prefix, Integer.toString(PUBLISHED), Integer.toString(PULLED), Integer.toString(PUSHED))
                .run().assertSucceeded();
    }

    @Test
    void delayAndCountMatchWhatTheConsumerSaw() {
        long[] orders = backlog.line("orders");
        Points delay = run().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", prefix + "-orders");
        assertEquals("s", delay.unit());
        assertEquals(PULLED + PUSHED, orders[0]);
        assertEquals(PULLED + PUSHED, delay.count(), delay.toString());
        assertEquals(orders[1] / 1e3, delay.sum(), orders[0] * TOLERANCE_PER_MESSAGE_SECONDS, delay.toString());
        // Stamped 30 s before publishing (in whole seconds on the wire): every delay lies above 10 s.
        assertEquals(PULLED + PUSHED, delay.points().get(0).countFrom(10), delay.toString());
        assertEquals(Map.of("messaging.system", "rabbitmq", "messaging.destination.name", prefix + "-orders"), delay.points().get(0).attributes());

        Points consumed = run().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", prefix + "-orders");
        assertEquals(PULLED + PUSHED, consumed.value(), consumed.toString());
        assertEquals(PULLED + PUSHED, backlog.prometheus().sum("messaging_client_consumed_messages_total",
                "messaging_destination_name", prefix + "-orders"));
    }

    @Test
    void lagIsTheDepthTheBrokerLastReported() {
        assertEquals(PUBLISHED - PULLED, backlog.line("depth-after-pull")[0]);
        long depth = backlog.line("depth")[0];
        assertEquals(PUBLISHED - PULLED - PUSHED, depth);
        Points lag = run().lastWith(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", prefix + "-orders"));
        assertEquals(List.of((double) depth), lag.points().stream().map(Point::value).toList(), lag.toString());
        // The connection closed before the program ended: the depth it reported is no longer claimed.
        assertTrue(backlog.stdout().contains("closed"), backlog.stdout());
        assertEquals(List.of(), run().last().metric(MessagingMetrics.LAG).withAttr("messaging.destination.name", prefix + "-orders").points());
        assertEquals(List.of(), backlog.prometheus().samples("revisit_messaging_consumer_lag", "messaging_destination_name", prefix + "-orders"));
    }

    @Test
    void futureTimestampsAreClampedAndCountedAndMissingOnesOnlyCounted() {
        assertEquals(10, backlog.line("skew")[0]);
        String skew = prefix + "-skew";
        assertEquals(10, run().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", skew).value());
        Points delay = run().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", skew);
        assertEquals(5, delay.count(), delay.toString());
        assertEquals(0.0, delay.sum(), delay.toString());
        assertEquals(5, run().metric(MessagingMetrics.CLAMPED).withAttr("messaging.destination.name", skew).value());
        assertEquals(0, run().metric(MessagingMetrics.CLAMPED).withAttr("messaging.destination.name", prefix + "-orders").value());
    }

    @Test
    void anUnreachableBrokerFailsTheApplicationAsWithoutTheAgent() {
        assertTrue(backlog.stdout().contains("unreachable ConnectException"), backlog.stdout());
        assertFalse(backlog.stderr().contains("WARN could not instrument"), backlog.stderr());
    }

    @Test
    void stampingIsOptInAndWorksWhereOnlyTheApplicationsOwnClassLoaderSeesTheClient() {
        AgentRun stamping = ownClassLoader(AgentHarness.builder(OwnClassLoader.class).property("revisit.rabbitmq.stamp", "true")
                        .property("revisit.export.interval.ms", EXPORT_MILLIS),
                SlowConsumer.class, "stamp", prefix).run().assertSucceeded();
        assertTrue(stamping.stdout().contains("library hidden from the system class loader"), stamping.stdout());
        assertTrue(stamping.stdout().contains("library loaded by own loader true"), stamping.stdout());
        assertFalse(stamping.stderr().contains("rabbitmq stays off"), stamping.stderr());
        assertEquals(20, stamping.line("stamped")[0]);
        Points delay = stamping.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", prefix + "-stamp");
        assertEquals(20, delay.count(), delay.toString());
        // The property has whole seconds: each delay is under 2 s.
        assertTrue(delay.sum() < 20 * 2.0, delay.toString());
        // The gets saw the queue drain to empty.
        Points lag = stamping.otlp().lastWith(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", prefix + "-stamp"));
        assertEquals(List.of(0.0), lag.points().stream().map(Point::value).toList(), lag.toString());
    }

    @Test
    void theDepthProbeReportsABacklogNobodyAsksAbout() {
        String queue = prefix + "-unread";
        long interval = 300;
        AgentRun probed = ownClassLoader(AgentHarness.builder(OwnClassLoader.class)
                        .property("revisit.rabbitmq.depth.probe.interval.ms", Long.toString(interval))
                        .property("revisit.export.interval.ms", "150"),
                UnreadQueue.class, queue, Integer.toString(PUBLISHED), "4000", Long.toString(4 * interval)).run().assertSucceeded();
        assertEquals(PUBLISHED, probed.line("published")[0]);
        assertEquals(4000, probed.line("consumed")[0]);

        // The depth as each export saw it. The application asked once, on an empty queue (0); 10,000 can only
        // come from a probe between publishing and consuming, 6,000 from one in the pause after consuming.
        List<Double> depths = probed.otlp().valueHistory(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", queue))
                .stream().filter(d -> !d.isNaN()).toList();
        assertTrue(depths.contains((double) PUBLISHED), depths.toString());
        assertEquals(PUBLISHED - 4000, depths.get(depths.size() - 1), depths.toString());
        assertEquals(4000, probed.otlp().metric(MessagingMetrics.CONSUMED).withAttr("messaging.destination.name", queue).value());
        assertEquals(4000, probed.otlp().metric(MessagingMetrics.DELAY).withAttr("messaging.destination.name", queue).count());

        // The direct reply-to pseudo-queue it consumed from all along is not probed: a passive declare answers 0 for it.
        assertEquals(1, probed.line("replies awaited")[0]);
        assertEquals(List.of(), depths(probed, "amq.rabbitmq.reply-to").stream().filter(d -> !d.isNaN()).toList());
    }

    @Test
    void theDepthProbeSurvivesABrokerThatGoesAwayAndComesBack() {
        String queue = prefix + "-outage";
        long interval = 300;
        AgentRun outage = AgentHarness.builder(BrokerOutage.class)
                .property("revisit.rabbitmq.depth.probe.interval.ms", Long.toString(interval))
                .property("revisit.export.interval.ms", "150")
                .args(queue, Long.toString(5 * interval)).run().assertSucceeded();
        assertEquals(List.of("before the outage: consuming", "during the outage: connection open false", "after the outage: connection open true"),
                outage.stdout().lines().toList());
        List<Double> depths = outage.otlp().valueHistory(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", queue))
                .stream().filter(d -> !d.isNaN()).toList();
        // 300 published, one held by the consumer; after the outage 200 more, the held one redelivered and held again.
        assertTrue(depths.contains(299.0), depths.toString());
        assertEquals(499.0, depths.get(depths.size() - 1), depths.toString());
        assertEquals(1, outage.stderr().lines().filter(l -> l.contains("RabbitMQ depth probe: an application connection to the broker was lost")).count(),
                outage.stderr());
    }

    /**
     * A queue deleted under the probe (the broker answers 404 and closes the probe's channel): its
     * depth goes, the probe backs off that queue and finds it again once it is declared anew — the
     * application does nothing for it, and its own channel never notices.
     */
    @Test
    void theDepthProbeClearsAQueueThatWasDeletedAndFindsItWhenItComesBack() {
        String queue = prefix + "-comes-back";
        long interval = 300;
        AgentRun run = AgentHarness.builder(QueueComesBack.class)
                .property("revisit.rabbitmq.depth.probe.interval.ms", Long.toString(interval))
                .property("revisit.export.interval.ms", "150")
                .args(queue, Long.toString(4 * interval)).run().assertSucceeded();
        assertEquals(List.of("before", "deleted", "back", "got 1"), run.stdout().lines().limit(4).toList());
        // Its passive declares passed the declare advice, which left them to the probe to report (once).
        long[] declares = run.line("probe declares");
        assertEquals(0, declares[1], run.stdout());
        assertTrue(declares[0] > 2, run.stdout());
        List<Double> depths = run.otlp().valueHistory(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", queue));
        int before = depths.indexOf(50.0);
        assertTrue(before >= 0, "the probe saw the first backlog: " + depths);
        int gone = before + depths.subList(before, depths.size()).indexOf(Double.NaN);
        assertTrue(gone > before, "the deleted queue's depth went: " + depths);
        assertTrue(depths.subList(gone, depths.size()).contains(70.0), "the probe found the queue again: " + depths);
        assertEquals(1, run.stderr().lines().filter(l -> l.contains("a queue it probes is gone")).count(), run.stderr());
        assertFalse(run.stderr().contains("[revisit] WARN"), run.stderr());
    }

    /**
     * Queues the broker keeps from the application's connection. One that another connection holds
     * exclusively answers the probe's passive declare with 405 and closes the probe's channel: its
     * depth goes, one line says why, the probe backs it off alone and reads it again once the lock
     * is gone, and the application's channel and the other queues' readings never notice. One its
     * user may not read is refused to the application's consume (403): RabbitMQ checks no
     * permission for a passive declare, so the probe could read it, but it watches only queues
     * whose consume succeeded.
     */
    @Test
    void theDepthProbeBacksOffALockedQueueAloneAndLeavesOneItsUserMayNotRead() {
        String queues = prefix + "-guarded";
        String user = queues + "-user";
        String password = Long.toHexString(System.nanoTime());
        long interval = 300;
        Rabbitmqctl rabbitmqctl = Rabbitmqctl.require();
        rabbitmqctl.run("add_user", user, password);
        AgentRun run;
        try {
            // Reads its own two queues, publishes through the default exchange, configures nothing.
            rabbitmqctl.run("set_permissions", "-p", "/", user, "^$", ".*", "^" + queues + "-(ok|locked)$");
            run = AgentHarness.builder(RefusedAndLockedQueues.class)
                    .property("revisit.rabbitmq.depth.probe.interval.ms", Long.toString(interval))
                    .property("revisit.export.interval.ms", "150")
                    .args(queues, user, password, Long.toString(4 * interval)).run().assertSucceeded();
        } finally {
            rabbitmqctl.run("delete_user", user);
        }
        assertEquals(List.of("consume refused, application channel open true", "before", "locked", "application got 1, 34 left",
                "unlocked", "application connection open true, channel open true"), run.stdout().lines().toList());

        List<Double> locked = depths(run, queues + "-locked");
        int before = locked.indexOf(20.0);
        assertTrue(before >= 0, "the probe read the queue before it was locked: " + locked);
        int cleared = before + locked.subList(before, locked.size()).indexOf(Double.NaN);
        assertTrue(cleared > before, "the locked queue's depth went: " + locked);
        int back = locked.indexOf(70.0);
        assertTrue(back > cleared, "the probe read the queue again once the lock was gone: " + locked);
        // The program's other connections declare the queue too (exclusive, then shared again) and each declare
        // answers 0, a depth of their own; the 60 the queue held while locked came from nowhere.
        assertEquals(List.of(), locked.subList(cleared, back).stream().filter(d -> !d.isNaN() && d != 0.0).toList(), "no depth while locked: " + locked);
        assertFalse(locked.contains(60.0), locked.toString());

        // 35 lay in the queue only while the other one was locked, between the application's publish and its get.
        List<Double> ok = depths(run, queues + "-ok").stream().filter(d -> !d.isNaN()).toList();
        assertTrue(ok.contains(30.0) && ok.contains(35.0), ok.toString());
        assertEquals(34.0, ok.get(ok.size() - 1), ok.toString());
        // The operator's declare answered 0 over its own connection; the 40 published after it nobody probed.
        List<Double> refused = depths(run, queues + "-refused").stream().filter(d -> !d.isNaN()).toList();
        assertTrue(refused.contains(0.0), refused.toString());
        assertEquals(List.of(), refused.stream().filter(d -> d != 0.0).toList(), refused.toString());

        List<String> lockedLines = run.stderr().lines().filter(l -> l.contains("RabbitMQ depth probe: the broker would not declare")).toList();
        assertEquals(1, lockedLines.size(), run.stderr());
        assertTrue(lockedLines.get(0).contains("reply-code=405, reply-text=RESOURCE_LOCKED"), lockedLines.get(0));
        assertEquals(1, run.stderr().lines().filter(l -> l.contains("queue " + queues + "-locked answers again")).count(), run.stderr());
        assertFalse(run.stderr().contains("ACCESS_REFUSED"), run.stderr());
    }

    private static List<Double> depths(AgentRun run, String queue) {
        return run.otlp().valueHistory(MessagingMetrics.LAG, p -> p.withAttr("messaging.destination.name", queue));
    }

    /** The program runs with amqp-client in a class loader of its own, hidden from the system class loader and the agent. */
    private static AgentHarness.Builder ownClassLoader(AgentHarness.Builder builder, Class<?> program, String... args) {
        String client = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.replace('\\', '/').contains("/com/rabbitmq/amqp-client/"))
                .findFirst().orElseThrow(() -> new AssertionError("amqp-client is not on the test class path"));
        List<String> all = new ArrayList<>(List.of(client, "com.rabbitmq.client.ConnectionFactory", program.getName()));
        all.addAll(List.of(args));
        return builder.withoutClasspath("/com/rabbitmq/").args(all.toArray(String[]::new));
    }

    private static ExportedMetrics run() {
        return backlog.otlp();
    }
}
