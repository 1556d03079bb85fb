package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.bootstrap.messaging.NatsHook;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.Recorder;

import java.time.ZonedDateTime;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NATS JetStream hook. The destination is the stream, the consumer group the consumer's
 * name when the application gave it one (several subscriptions on one durable, as in a worker
 * pool, are one consumer); consumers named by the server or, for ordered consumers, by the
 * client share the stream's unnamed series. Lag is the pending count in the JetStream metadata
 * of the latest message handed to the application: the messages after it that the consumer has
 * not been sent yet — the server's own count, for free with every message — exported while a
 * subscription of this JVM on that consumer is open, not after the last one ended.
 */
final class NatsMetrics extends NatsHook {
    static final String SYSTEM = "nats";
    private static final int MAX_SUBSCRIPTIONS = 10_000;
    private static final int MAX_CONSUMERS = 1_000;

    private final MessagingMetrics metrics;
    private final Subscriptions subscriptions = new Subscriptions(MAX_SUBSCRIPTIONS);
    private final ConcurrentHashMap<String, JetStreamConsumer> byName = new ConcurrentHashMap<>();
    private final EpochMillis epochMillis = new EpochMillis();
    /** What an ended subscription maps to until it is collected: a message handed over after its end must not count it again. */
    private static final JetStreamConsumer ENDED = new JetStreamConsumer(null, null);

    NatsMetrics(MessagingMetrics metrics, Recorder recorder) {
        this.metrics = metrics;
        recorder.onCollect(() -> byName.values().forEach(JetStreamConsumer::publish));
    }

    @Override
    public void delivered(Object manager, String stream, String consumer, long pending, ZonedDateTime stored) {
        JetStreamConsumer known = subscriptions.get(manager);
        if (known == null) {
            known = register(manager, stream, consumer);
        } else if (known == ENDED) {
            known = consumer(stream, consumer); // handed over after it ended: counted, but not counted as a subscription again
        }
        known.delivered(pending, stored == null ? 0L : epochMillis.of(stored), System.currentTimeMillis());
    }

    /** A subscription's first message: it counts towards its consumer's subscriptions. */
    private synchronized JetStreamConsumer register(Object manager, String stream, String name) {
        JetStreamConsumer known = subscriptions.get(manager);
        if (known == null) {
            known = consumer(stream, name);
            subscriptions.put(manager, known);
            known.subscribed();
        }
        return known == ENDED ? consumer(stream, name) : known;
    }

    /** The subscription ended: its consumer loses one subscription; when none is left its lag goes (JetStreamConsumer). */
    @Override
    public synchronized void ended(Object manager) {
        JetStreamConsumer known = subscriptions.get(manager);
        if (known != null && known != ENDED) {
            subscriptions.put(manager, ENDED);
            known.unsubscribed();
        }
    }

    /** Past the caps a consumer is still counted, but not remembered: its lag goes unreported. */
    private JetStreamConsumer consumer(String stream, String name) {
        // Neither stream nor consumer names may contain spaces: the key is unambiguous.
        String key = name == null ? stream : stream + ' ' + name;
        JetStreamConsumer found = byName.get(key);
        if (found == null) {
            found = new JetStreamConsumer(metrics.destination(SYSTEM, stream, name), metrics.lag(SYSTEM, stream, name, null));
            if (byName.size() < MAX_CONSUMERS) {
                JetStreamConsumer raced = byName.putIfAbsent(key, found);
                found = raced == null ? found : raced;
            }
        }
        return found;
    }
}
