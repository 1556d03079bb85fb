package dev.revisit.testapp.nats;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.Dispatcher;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.StreamContext;
import io.nats.client.Subscription;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog in a real NATS JetStream stream, consumed slowly by every kind of subscription;
 * prints what each consumer saw for the test to compare:
 * {@code consumed <consumer> <messages> <delayMillisSum>} and {@code pending <consumer> <messages>}
 * (the server's own count, asked by this program, not by the agent), then holds {@value #HOLD_MILLIS} ms
 * before the consumer's subscription ends.
 * args: {@code backlog <stream> <published>}, {@code legacy <stream> <published>} or {@code faults <stream>}.
 * <ul>
 *   <li>backlog: {@code published} messages on {@code <stream>.orders}, then a 1.1 s wait, then
 *       durable {@code pull} (legacy pull: fetch 100, iterate 50, pull + nextMessage 50),
 *       durable {@code push} (a dispatcher and handler, one unacknowledged message at a time, 200),
 *       durable {@code simple} (the simplified API: next() 50 times, fetchMessages 50),
 *       durable {@code handler} (the simplified API's consume(handler), stopped after 100),
 *       an ordered consumer (20, no name), durable {@code pool} read by two subscriptions (30
 *       each; {@code pending pool-both <messages>}; one ends, a hold, the other reads 30 more and
 *       ends), and 10 core NATS messages (no JetStream metadata); then the faults.</li>
 *   <li>legacy: the same without the simplified API ({@code simple}, {@code handler}), for older clients.</li>
 *   <li>faults: a server that is not there, a consumer deleted between fetches, a connection
 *       closed during a fetch; one {@code fault <name> <outcome>} line each.</li>
 * </ul>
 * The stream lives in memory and is deleted at the end.
 */
public final class JetStreamBacklog {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** After each consumer's report, with its subscription still open: exports see its steady lag. */
    private static final long HOLD_MILLIS = 700;

    public static void main(String[] args) throws Exception {
        String stream = args[1];
        try (Connection nc = Nats.connect(options("nats://127.0.0.1:4222"))) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".orders", stream + ".empty")
                    .storageType(StorageType.Memory).build());
            try {
                if (!args[0].equals("faults")) {
                    backlog(nc, stream, Integer.parseInt(args[2]), args[0].equals("legacy"));
                }
                faults(nc, stream);
            } finally {
                jsm.deleteStream(stream);
            }
        }
    }

    private static void backlog(Connection nc, String stream, int published, boolean legacyOnly) throws Exception {
        JetStream js = nc.jetStream();
        String subject = stream + ".orders";
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (int i = 0; i < published; i++) {
            acks.add(js.publishAsync(subject, new byte[] {1}));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        // The delay every message below is consumed with: over the 1 s the test asserts, as store
        // times and clocks in whole milliseconds could otherwise round a delay down onto 1.000 s.
        Thread.sleep(1_100);

        JetStreamSubscription pull = js.subscribe(subject, PullSubscribeOptions.builder().durable("pull").build());
        Tally pulled = new Tally("pull", true);
        for (Message m : pull.fetch(100, WAIT)) {
            pulled.add(m);
        }
        Iterator<Message> iterated = pull.iterate(50, WAIT);
        while (iterated.hasNext()) {
            pulled.add(iterated.next());
        }
        pull.pull(50);
        for (int i = 0; i < 50; i++) {
            pulled.add(pull.nextMessage(WAIT));
        }
        pulled.print(pull.getConsumerInfo().getNumPending());
        pull.unsubscribe();

        push(nc, js, subject, 200);

        if (!legacyOnly) {
            simplified(nc, stream, subject, published);
        }

        JetStreamSubscription ordered = js.subscribe(subject, PushSubscribeOptions.builder().ordered(true).build());
        Tally orderedTally = new Tally("ordered", false);
        for (int i = 0; i < 20; i++) {
            orderedTally.add(ordered.nextMessage(WAIT));
        }
        orderedTally.print(published - 20);
        ordered.unsubscribe();

        pool(js, subject);

        Subscription core = nc.subscribe(stream + ".core");
        for (int i = 0; i < 10; i++) {
            nc.publish(stream + ".core", new byte[] {2});
        }
        int coreReceived = 0;
        while (coreReceived < 10 && core.nextMessage(WAIT) != null) {
            coreReceived++;
        }
        System.out.println("core " + coreReceived);
    }

    /** Two subscriptions on one durable, as a worker pool has them: the consumer is read while either is open. */
    private static void pool(JetStream js, String subject) throws Exception {
        PullSubscribeOptions options = PullSubscribeOptions.builder().durable("pool").build();
        JetStreamSubscription one = js.subscribe(subject, options);
        JetStreamSubscription two = js.subscribe(subject, options);
        Tally pool = new Tally("pool", true);
        for (Message m : one.fetch(30, WAIT)) {
            pool.add(m);
        }
        for (Message m : two.fetch(30, WAIT)) {
            pool.add(m);
        }
        System.out.println("pending pool-both " + two.getConsumerInfo().getNumPending());
        Thread.sleep(HOLD_MILLIS);
        one.unsubscribe();
        Thread.sleep(HOLD_MILLIS); // the other one is still open
        for (Message m : two.fetch(30, WAIT)) {
            pool.add(m);
        }
        pool.print(two.getConsumerInfo().getNumPending());
        two.unsubscribe();
    }

    /** The simplified API (jnats 2.16.14 and later): next() and fetchMessages, and consume(handler). */
    private static void simplified(Connection nc, String stream, String subject, int published) throws Exception {
        StreamContext sc = nc.getStreamContext(stream);
        sc.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("simple").filterSubject(subject).build());
        ConsumerContext simple = sc.getConsumerContext("simple");
        Tally simpled = new Tally("simple", true);
        for (int i = 0; i < 50; i++) {
            simpled.add(simple.next(WAIT));
        }
        try (FetchConsumer fetch = simple.fetchMessages(50)) {
            Message m;
            while ((m = fetch.nextMessage()) != null) {
                simpled.add(m);
            }
        }
        simpled.print(simple.getConsumerInfo().getNumPending());

        sc.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("handler").filterSubject(subject).build());
        Tally handled = new Tally("handler", true);
        CountDownLatch hundred = new CountDownLatch(100);
        try (MessageConsumer consumer = sc.getConsumerContext("handler").consume(m -> {
            handled.add(m);
            hundred.countDown();
        })) {
            await(hundred);
            consumer.stop(); // what the client already pulled is still handed over: counted too
            for (int i = 0; i < 400 && !consumer.isFinished(); i++) {
                Thread.sleep(50);
            }
            if (!consumer.isFinished()) {
                throw new AssertionError("the handler consumer did not finish within 20 s of stop()");
            }
        }
        handled.print(published - handled.count); // messages in stream order: the rest is behind
    }

    /** A durable push consumer with one unacknowledged message at most: it stops at exactly {@code wanted}. */
    private static void push(Connection nc, JetStream js, String subject, int wanted) throws Exception {
        Tally pushed = new Tally("push", false);
        CountDownLatch last = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Dispatcher dispatcher = nc.createDispatcher();
        JetStreamSubscription push = js.subscribe(subject, dispatcher, m -> {
            pushed.add(m);
            if (pushed.count == wanted) {
                last.countDown();
                release.await(); // unacknowledged: the server sends nothing more
            }
            m.ack();
        }, false, PushSubscribeOptions.builder().durable("push")
                .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit).maxAckPending(1).build()).build());
        await(last);
        pushed.print(push.getConsumerInfo().getNumPending());
        dispatcher.unsubscribe(push);
        release.countDown();
        nc.closeDispatcher(dispatcher);
    }

    private static void faults(Connection nc, String stream) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Connection ignored = Nats.connect(options("nats://127.0.0.1:" + closedPort))) {
            System.out.println("fault unreachable connected");
        } catch (Exception e) {
            System.out.println("fault unreachable " + e.getClass().getSimpleName());
        }

        JetStream js = nc.jetStream();
        String subject = stream + ".orders";
        for (int i = 0; i < 10; i++) {
            js.publish(subject, new byte[] {3});
        }
        JetStreamSubscription doomed = js.subscribe(subject, PullSubscribeOptions.builder().durable("doomed").build());
        int first = doomed.fetch(5, WAIT).size();
        nc.jetStreamManagement().deleteConsumer(stream, "doomed");
        System.out.println("fault deleted " + first + " " + outcome(() -> doomed.fetch(5, Duration.ofMillis(500)).size()));

        // A connection of its own, closed from another thread while a fetch waits on an empty subject.
        try (Connection closing = Nats.connect(options("nats://127.0.0.1:4222"))) {
            JetStreamSubscription waiting = closing.jetStream().subscribe(stream + ".empty",
                    PullSubscribeOptions.builder().durable("waiting").build());
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    closing.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            closer.start();
            System.out.println("fault closed " + outcome(() -> waiting.fetch(10, Duration.ofSeconds(3)).size()));
            closer.join();
        }
    }

    private static Options options(String url) {
        return new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(2)).maxReconnects(0).build();
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static String outcome(Call call) {
        try {
            return "returned " + call.run();
        } catch (Exception e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("consumer stalled at " + latch.getCount());
        }
    }

    /** What one consumer saw: messages and the sum of their delays, measured here as the application would. */
    private static final class Tally {
        private final String name;
        private final boolean ack;
        private final AtomicLong delayMillis = new AtomicLong();
        private volatile int count;

        Tally(String name, boolean ack) {
            this.name = name;
            this.ack = ack;
        }

        synchronized void add(Message m) {
            if (m == null) {
                throw new AssertionError(name + ": no message after " + count);
            }
            delayMillis.addAndGet(System.currentTimeMillis() - m.metaData().timestamp().toInstant().toEpochMilli());
            count++;
            if (ack) {
                m.ack();
            }
        }

        void print(long pending) throws InterruptedException {
            System.out.println("consumed " + name + " " + count + " " + delayMillis.get());
            System.out.println("pending " + name + " " + pending);
            Thread.sleep(HOLD_MILLIS);
        }
    }
}
