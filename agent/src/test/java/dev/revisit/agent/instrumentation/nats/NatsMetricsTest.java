package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import dev.revisit.agent.testing.ThreadAllocation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hook's bookkeeping without a server: which consumer a subscription is, the lag it reports, its bounds. */
class NatsMetricsTest {

    private final Recorder recorder = new Recorder(100, 2000);
    private final NatsMetrics hook = new NatsMetrics(new MessagingMetrics(recorder), recorder);

    @Test
    void lagIsThePendingCountOfTheLatestDeliveryAcrossTheSubscriptionsOfOneConsumer() {
        Object worker1 = new Object();
        Object worker2 = new Object();
        Object auditor = new Object();
        long now = System.currentTimeMillis();
        assertEquals(List.of(), points(MessagingMetrics.LAG), "no lag before a delivery");
        hook.delivered(worker1, "orders", "billing", 900, at(now));
        hook.delivered(worker2, "orders", "billing", 850, at(now));
        hook.delivered(worker1, "orders", "billing", 800, at(now));
        hook.delivered(auditor, "orders", "audit", 5, at(now));
        hook.delivered(auditor, "orders", "audit", -1, at(now)); // a server that sent no pending count: the last stays

        List<PointView> lag = points(MessagingMetrics.LAG);
        assertEquals(2, lag.size(), lag.toString());
        assertEquals(800, value(lag, "orders", "billing"));
        assertEquals(5, value(lag, "orders", "audit"));
        assertEquals(3, value(points(MessagingMetrics.CONSUMED), "orders", "billing"));
        assertEquals(2, value(points(MessagingMetrics.CONSUMED), "orders", "audit"));
    }

    @Test
    void aConsumersLagStaysWhileOneOfItsSubscriptionsIsOpenAndGoesACollectionAfterTheLastEnded() {
        Object worker1 = new Object();
        Object worker2 = new Object();
        long now = System.currentTimeMillis();
        hook.delivered(worker1, "orders", "billing", 900, at(now));
        hook.delivered(worker2, "orders", "billing", 850, at(now));
        assertEquals(850, value(points(MessagingMetrics.LAG), "orders", "billing"));

        hook.ended(worker1);
        hook.ended(worker1); // the client may shut a manager down twice: counted once
        for (int i = 0; i < 3; i++) {
            assertEquals(850, value(points(MessagingMetrics.LAG), "orders", "billing"), "worker2 still reads the consumer");
        }

        hook.ended(worker2);
        assertEquals(850, value(points(MessagingMetrics.LAG), "orders", "billing"), "a collection's grace for the next fetch's subscription");
        assertEquals(List.of(), points(MessagingMetrics.LAG), "no subscription for two collections: the lag goes");
        hook.delivered(worker2, "orders", "billing", 700, at(now)); // handed over after its end: no subscription again
        assertEquals(List.of(), points(MessagingMetrics.LAG));
        assertEquals(List.of(), points(MessagingMetrics.LAG));

        Object worker3 = new Object();
        hook.delivered(worker3, "orders", "billing", 600, at(now));
        assertEquals(600, value(points(MessagingMetrics.LAG), "orders", "billing"), "a new subscription reports again");

        // A loop of short-lived subscriptions (the simplified API's next()): mostly none open at a collection, yet active.
        for (int collection = 0; collection < 3; collection++) {
            for (int i = 0; i < 3; i++) {
                Object shortLived = new Object();
                hook.delivered(shortLived, "orders", "loop", 500 - collection * 3 - i, at(now));
                hook.ended(shortLived);
            }
            assertEquals(500 - collection * 3 - 2, value(points(MessagingMetrics.LAG), "orders", "loop"), "collection " + collection);
        }
    }

    @Test
    void unnamedConsumersShareTheStreamsSeriesWithoutAGroup() {
        long now = System.currentTimeMillis();
        hook.delivered(new Object(), "events", null, 40, at(now));
        hook.delivered(new Object(), "events", null, 30, at(now));
        List<PointView> lag = points(MessagingMetrics.LAG);
        assertEquals(1, lag.size());
        assertEquals(List.of("nats", "events", "", ""), lag.get(0).attributeValues(), "no group, no partition");
        assertEquals(30, lag.get(0).value());
    }

    @Test
    void unnamedSubscriptionsOfTwoStreamsAreTheConsumersOfTheirOwnStream() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            hook.delivered(new Object(), "a", null, 10 - i, at(now));
            hook.delivered(new Object(), "b", null, 20 - i, at(now));
        }
        List<PointView> lag = points(MessagingMetrics.LAG);
        assertEquals(8, value(lag, "a", null));
        assertEquals(18, value(lag, "b", null));
        assertEquals(3, value(points(MessagingMetrics.CONSUMED), "b", null));
    }

    @Test
    void aStoreTimeAfterTheReceiveIsRecordedAsZeroAndCounted() {
        Object subscription = new Object();
        hook.delivered(subscription, "orders", "billing", 1, at(System.currentTimeMillis() + 3_600_000L));
        hook.delivered(subscription, "orders", "billing", 0, at(System.currentTimeMillis() - 2_000L));
        PointView delay = points(MessagingMetrics.DELAY).get(0);
        assertEquals(2, delay.count());
        assertTrue(delay.sum() >= 2.0 && delay.sum() < 60.0, "only the 2 s delay, in seconds: " + delay.sum());
        assertEquals(1, value(points(MessagingMetrics.CLAMPED), "orders", null));
    }

    @Test
    void aDeliveryAllocatesNothing() {
        Object[] subscriptions = {new Object(), new Object(), new Object()};
        long now = System.currentTimeMillis();
        ZonedDateTime[] stored = new ZonedDateTime[5_000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = at(now - i);
        }
        Runnable deliveries = () -> {
            for (int i = 0; i < 100_000; i++) {
                hook.delivered(subscriptions[i % 3], "orders", i % 3 == 0 ? null : "billing", i, stored[i % stored.length]);
            }
        };
        long bytes = ThreadAllocation.afterWarmUp(deliveries, 5);
        assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 100,000 deliveries");
    }

    @Test
    void anyNumberOfConsumersAndSubscriptionsStaysBounded() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 30_000; i++) {
            hook.delivered(new Object(), "stream-" + (i % 300), "consumer-" + i, i, at(now));
        }
        List<PointView> lag = points(MessagingMetrics.LAG);
        assertTrue(lag.size() <= 1_000, "lag series only for the consumers remembered: " + lag.size());
        assertTrue(lag.stream().filter(p -> "other".equals(p.attributeValues().get(2))).count() <= 1 + 100,
                "names past the recorder's cap fold into other");
        List<PointView> consumed = points(MessagingMetrics.CONSUMED);
        assertTrue(consumed.size() <= 2_001, "the recorder's series cap: " + consumed.size());
        assertEquals(30_000, consumed.stream().mapToDouble(PointView::value).sum(), "every delivery still counted");
    }

    @Test
    void moreSubscriptionsThanTheTableHoldsEachKeepTheirConsumerWithoutAllocating() {
        Object[] subscriptions = new Object[2_000]; // far more than the table's slots: they collide and take turns
        for (int i = 0; i < subscriptions.length; i++) {
            subscriptions[i] = new Object();
        }
        String[] consumers = {"c0", "c1", "c2", "c3"};
        ZonedDateTime stored = at(System.currentTimeMillis());
        int[] runs = {0};
        Runnable deliveries = () -> {
            runs[0]++;
            for (int i = 0; i < 100_000; i++) {
                int s = (i * 7) % subscriptions.length;
                hook.delivered(subscriptions[s], "orders", consumers[s % 4], s, stored);
            }
        };
        long bytes = ThreadAllocation.afterWarmUp(deliveries, 1);
        assertTrue(bytes < 1_024, "allocated " + bytes + " bytes for 100,000 deliveries over 2,000 subscriptions");
        List<PointView> consumed = points(MessagingMetrics.CONSUMED);
        assertEquals(4, consumed.size(), consumed.toString());
        for (int c = 0; c < 4; c++) {
            assertEquals(runs[0] * 25_000, value(consumed, "orders", "c" + c), "each subscription counted for its own consumer");
        }
    }

    /** The store time as jnats parses it: the server's epoch time, in the JVM's default zone. */
    private static ZonedDateTime at(long epochMillis) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault());
    }

    private static double value(List<PointView> points, String stream, String consumer) {
        return points.stream().filter(p -> p.attributeValues().get(1).equals(stream)
                        && (consumer == null || consumer.equals(p.attributeValues().get(2))))
                .mapToDouble(PointView::value).sum();
    }

    private List<PointView> points(String metric) {
        return recorder.collect().stream().filter(v -> v.name().equals(metric)).findFirst()
                .map(MetricView::points).orElse(List.of());
    }
}
