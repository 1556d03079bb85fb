package dev.revisit.testapp.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults around a consumer, printing only what the application sees (so a run with the agent
 * must print exactly what one without it does):
 * <ul>
 *   <li>{@code midpoll}: a consumer reads a topic to its end and blocks in {@code poll}; another
 *       thread calls {@code close()} (the client refuses: it is in use) and then {@code wakeup()};
 *       the polling thread gets the wake-up and closes the consumer itself.</li>
 *   <li>{@code gone} (after midpoll): a consumer polls on while the broker goes away — the program
 *       writes {@code <markerFile>} once it has read records, and the test stops the broker then —
 *       and closes with a short timeout.</li>
 * </ul>
 * args: {@code <bootstrapServers> <topic> midpoll|gone [markerFile]}.
 */
public final class KafkaFaults {
    private static final int RECORDS = 200;

    public static void main(String[] args) throws Exception {
        String servers = args[0];
        String topic = args[1];
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Publisher.publish(servers, topic, 1, RECORDS, 16_384, System::currentTimeMillis); // the client's default batch size
        midPoll(servers, topic);
        if (args[2].equals("gone")) {
            brokerGone(servers, topic, Path.of(args[3]));
        }
    }

    private static void midPoll(String servers, String topic) throws Exception {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(servers, topic + "-midpoll"));
        consumer.subscribe(List.of(topic));
        CountDownLatch caughtUp = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>("nothing");
        Thread poller = new Thread(() -> {
            int read = 0;
            try {
                while (true) {
                    read += consumer.poll(Duration.ofMillis(read < RECORDS ? 200 : 30_000)).count();
                    if (read >= RECORDS) {
                        caughtUp.countDown();
                    }
                }
            } catch (Exception woken) {
                seen.set(read + " records, then " + woken.getClass().getSimpleName());
            } finally {
                consumer.close();
            }
        }, "poller");
        poller.start();
        if (!caughtUp.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("never read the topic to its end");
        }
        Thread.sleep(500); // the poller is now blocked in its long poll
        try {
            consumer.close();
            System.out.println("close from another thread mid-poll: returned");
        } catch (Exception refused) {
            System.out.println("close from another thread mid-poll: " + refused.getClass().getSimpleName());
        }
        consumer.wakeup();
        poller.join(30_000);
        System.out.println("poller: " + seen.get() + (poller.isAlive() ? ", still alive" : ", closed"));
    }

    private static void brokerGone(String servers, String topic, Path marker) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(servers, topic + "-gone"))) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (read < RECORDS && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            Files.writeString(marker, "consuming");
            int polls = 0;
            int failures = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (System.nanoTime() < until) {
                try {
                    read += consumer.poll(Duration.ofMillis(200)).count();
                } catch (Exception e) {
                    failures++;
                }
                polls++;
            }
            System.out.println("broker gone: read " + read + ", " + (polls > 5 ? "kept polling" : "stopped polling") + ", " + failures + " failed polls");
            consumer.close(Duration.ofSeconds(1));
            System.out.println("broker gone: closed");
        }
    }

    private static Properties props(String servers, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
