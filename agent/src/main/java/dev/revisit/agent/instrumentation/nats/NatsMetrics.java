package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.bootstrap.messaging.NatsHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.Recorder;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The NATS JetStream hook. The destination is the stream, the consumer group the consumer's
 * name when the application gave it one (several subscriptions on one durable, as in a worker
 * pool, are one consumer); consumers named by the server or, for ordered consumers, by the
 * client share the stream's unnamed series. Lag is the pending count in the JetStream metadata
 * of the latest message handed to the application: the messages after it that the consumer has
 * not been sent yet — the server's own count, for free with every message.
 */
final class NatsMetrics extends NatsHook {
    static final String SYSTEM = "nats";
    private static final int MAX_SUBSCRIPTIONS = 10_000;
    private static final int MAX_CONSUMERS = 1_000;

    private final MessagingMetrics metrics;
    /**
     * The consumer a thread's latest message went to, by its subscribe options and stream (the
     * consumer is a function of both): a thread usually serves one subscription. Strong, but
     * only to the small options object, never to a subscription or connection.
     */
    private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);
    /** By the subscription's message manager, when the thread's last one was another: no allocation. */
    private final WeakIdentityMap<JetStreamConsumer> bySubscription = new WeakIdentityMap<>(MAX_SUBSCRIPTIONS);
    private final ConcurrentHashMap<String, JetStreamConsumer> byName = new ConcurrentHashMap<>();

    NatsMetrics(MessagingMetrics metrics, Recorder recorder) {
        this.metrics = metrics;
        recorder.onCollect(() -> byName.values().forEach(JetStreamConsumer::publish));
    }

    @Override
    public void delivered(Object manager, Object options, String stream, String consumer, long pending, long publishedMillis) {
        Last seen = last.get();
        JetStreamConsumer known = seen.consumer;
        if (seen.options != options || options == null || !seen.stream.equals(stream)) {
            known = bySubscription.get(manager);
            if (known == null) {
                known = consumer(stream, consumer);
                bySubscription.put(manager, known);
            }
            seen.options = options;
            seen.stream = stream;
            seen.consumer = known;
        }
        known.delivered(pending, publishedMillis, System.currentTimeMillis());
    }

    private static final class Last {
        Object options;
        String stream;
        JetStreamConsumer consumer;
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
