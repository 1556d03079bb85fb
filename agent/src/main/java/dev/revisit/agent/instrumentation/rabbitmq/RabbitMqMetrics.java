package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.GaugeSeries;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RabbitMQ hook. The destination is the queue (lag and depth are properties of a queue,
 * not of the exchange); RabbitMQ has no consumer groups. A push delivery finds its queue by
 * consumer tag; lag is the ready-message count the broker itself reported to the
 * application's {@code basicGet} or queue declare — the agent makes no calls of its own.
 */
final class RabbitMqMetrics extends RabbitMqHook {
    static final String SYSTEM = "rabbitmq";
    /** Set by RabbitMQ's message-timestamp plugin: the publish time in milliseconds, finer than the property's seconds. */
    static final String MILLIS_HEADER = "timestamp_in_ms";
    private static final int MAX_REMEMBERED = 10_000;

    private final MessagingMetrics metrics;
    private final boolean stamp;
    private final Destination unknownQueue;
    private final ConcurrentHashMap<String, Destination> byConsumerTag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Destination> byQueue = new ConcurrentHashMap<>();
    /** By consumer object, for deliveries that beat the consumer tag; a consumer reading several queues maps to its latest. */
    private final WeakIdentityMap<Destination> byConsumer = new WeakIdentityMap<>(MAX_REMEMBERED);
    private final ConcurrentHashMap<String, GaugeSeries> depthByQueue = new ConcurrentHashMap<>();

    RabbitMqMetrics(MessagingMetrics metrics, boolean stamp) {
        this.metrics = metrics;
        this.stamp = stamp;
        this.unknownQueue = metrics.destination(SYSTEM, null, null);
    }

    @Override
    public void subscribing(String queue, Object consumer) {
        if (queue != null && consumer != null) {
            byConsumer.put(consumer, queue(queue));
        }
    }

    @Override
    public void consuming(String queue, String consumerTag) {
        if (queue != null && consumerTag != null && byConsumerTag.size() < MAX_REMEMBERED) {
            byConsumerTag.put(consumerTag, queue(queue));
        }
    }

    @Override
    public void delivered(Object consumer, String consumerTag, Object timestamp, Object headers) {
        Destination destination = consumerTag == null ? null : byConsumerTag.get(consumerTag);
        if (destination == null && consumer != null) {
            // The broker's first delivery can reach the client before basicConsume has returned the tag.
            destination = byConsumer.get(consumer);
        }
        (destination == null ? unknownQueue : destination).received(publishedMillis(timestamp, headers), System.currentTimeMillis());
    }

    @Override
    public void got(String queue, boolean got, long messageCount, Object timestamp, Object headers) {
        if (queue == null) {
            return;
        }
        if (got) {
            queue(queue).received(publishedMillis(timestamp, headers), System.currentTimeMillis());
        }
        depth(queue).set(got ? messageCount : 0L);
    }

    @Override
    public void declared(String queue, long messageCount) {
        if (queue != null) {
            depth(queue).set(messageCount);
        }
    }

    @Override
    public boolean stampOutgoing() {
        return stamp;
    }

    static long publishedMillis(Object timestamp, Object headers) {
        if (headers instanceof Map<?, ?> map && map.get(MILLIS_HEADER) instanceof Number millis) {
            return millis.longValue();
        }
        return timestamp instanceof Date date ? date.getTime() : 0L;
    }

    /** Server-named queues ({@code amq.gen-…}) are one name: each is new per connection. */
    static String queueName(String queue) {
        return queue.startsWith("amq.gen-") ? "amq.gen" : queue;
    }

    private Destination queue(String queue) {
        Destination found = byQueue.get(queue);
        if (found == null) {
            found = metrics.destination(SYSTEM, queueName(queue), null);
            if (byQueue.size() < MAX_REMEMBERED) {
                byQueue.put(queue, found);
            }
        }
        return found;
    }

    private GaugeSeries depth(String queue) {
        GaugeSeries found = depthByQueue.get(queue);
        if (found == null) {
            found = metrics.lag(SYSTEM, queueName(queue), null, null);
            if (depthByQueue.size() < MAX_REMEMBERED) {
                depthByQueue.put(queue, found);
            }
        }
        return found;
    }
}
