package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.messaging.Destination;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;

import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RabbitMQ hook. The destination is the queue (lag and depth are properties of a queue,
 * not of the exchange); RabbitMQ has no consumer groups. A push delivery finds its queue by
 * consumer tag; lag is the ready-message count the broker itself reported to the
 * application's {@code basicGet} or queue declare, or (opt-in) to the {@link DepthProbe}, exported
 * while the connection it came over is open ({@link QueueDepth}).
 * The client's objects arrive as {@code Object} and are read through {@link Getter}s.
 */
final class RabbitMqMetrics extends RabbitMqHook {
    static final String SYSTEM = "rabbitmq";
    /** Set by RabbitMQ's message-timestamp plugin: the publish time in milliseconds, finer than the property's seconds. */
    static final String MILLIS_HEADER = "timestamp_in_ms";
    private static final int MAX_REMEMBERED = 10_000;

    private final MessagingMetrics metrics;
    private final Stamper stamper;
    private final DepthProbe probe;
    private final Getter timestamp = new Getter("getTimestamp", Object.class);
    private final Getter headers = new Getter("getHeaders", Object.class);
    private final Getter props = new Getter("getProps", Object.class);
    private final Getter messageCount = new Getter("getMessageCount", int.class);
    private final Getter declaredQueue = new Getter("getQueue", Object.class);
    private final Destination unknownQueue;
    private final ConcurrentHashMap<String, Destination> byConsumerTag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Destination> byQueue = new ConcurrentHashMap<>();
    /** By consumer object, for deliveries that beat the consumer tag; a consumer reading several queues maps to its latest. */
    private final WeakIdentityMap<Destination> byConsumer = new WeakIdentityMap<>(MAX_REMEMBERED);
    private final Getter connectionOf = new Getter("getConnection", Object.class);
    private final Getter isOpen = new Getter("isOpen", boolean.class);
    private final ConcurrentHashMap<String, QueueDepth> depthByQueue = new ConcurrentHashMap<>();

    /** @param probeIntervalMillis 0: no depth probe */
    RabbitMqMetrics(MessagingMetrics metrics, Recorder recorder, boolean stamp, long probeIntervalMillis) {
        this.metrics = metrics;
        this.stamper = stamp ? new Stamper() : null;
        this.probe = probeIntervalMillis > 0 ? new DepthProbe(probeIntervalMillis, this::probed, this::unanswered) : null;
        this.unknownQueue = metrics.destination(SYSTEM, null, null);
        recorder.onCollect(() -> depthByQueue.values().forEach(depth -> depth.expire(this::open)));
    }

    @Override
    public void subscribing(String queue, Object consumer) {
        if (queue != null && consumer != null) {
            byConsumer.put(consumer, queue(queue));
        }
    }

    @Override
    public void consuming(Object channel, String queue, String consumerTag) {
        if (queue == null || consumerTag == null) {
            return;
        }
        if (byConsumerTag.size() < MAX_REMEMBERED) {
            byConsumerTag.put(consumerTag, queue(queue));
        }
        // Only now: RabbitMQ checks no permission for the probe's passive declare, so a queue whose consume the
        // broker refused (403) would have its depth exported though the application cannot read it.
        if (probe != null) {
            probe.watch(channel, queue);
        }
    }

    @Override
    public void delivered(Object consumer, String consumerTag, Object properties) {
        Destination destination = consumerTag == null ? null : byConsumerTag.get(consumerTag);
        if (destination == null && consumer != null) {
            // The broker's first delivery can reach the client before basicConsume has returned the tag.
            destination = byConsumer.get(consumer);
        }
        (destination == null ? unknownQueue : destination).received(publishedMillis(properties), System.currentTimeMillis());
    }

    @Override
    public void got(Object channel, String queue, Object response) {
        if (queue == null) {
            return;
        }
        try {
            Object connection = (Object) connectionOf.on(channel).invokeExact(channel);
            if (response == null) {
                depth(queue).report(connection, 0L);
            } else {
                queue(queue).received(publishedMillis((Object) props.on(response).invokeExact(response)), System.currentTimeMillis());
                depth(queue).report(connection, (int) messageCount.on(response).invokeExact(response));
            }
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-get", "could not read a RabbitMQ basicGet response", t);
        }
        if (probe != null) {
            probe.watch(channel, queue);
        }
    }

    @Override
    public void declared(Object channel, Object ok) {
        try {
            String queue = (String) (Object) declaredQueue.on(ok).invokeExact(ok);
            if (queue != null) {
                depth(queue).report((Object) connectionOf.on(channel).invokeExact(channel), (int) messageCount.on(ok).invokeExact(ok));
            }
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-declare", "could not read a RabbitMQ queue declare's answer", t);
        }
    }

    @Override
    public boolean probing() {
        return probe != null && probe.probing();
    }

    @Override
    public boolean stampOutgoing() {
        return stamper != null;
    }

    @Override
    public Object stamped(Object channel, Object properties) {
        try {
            return stamper == null ? properties : stamper.stamped(channel, properties);
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-stamp", "could not stamp an outgoing RabbitMQ message; it goes out as it was", t);
            return properties;
        }
    }

    /** From {@code BasicProperties}: the {@code timestamp_in_ms} header, else the {@code timestamp}; 0 when neither. */
    long publishedMillis(Object properties) {
        if (properties == null) {
            return 0L;
        }
        try {
            return publishedMillis((Object) timestamp.on(properties).invokeExact(properties), (Object) headers.on(properties).invokeExact(properties));
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-properties", "could not read a RabbitMQ message's timestamp", t);
            return 0L;
        }
    }

    /** The probe's reading over {@code connection}, on its own thread. */
    void probed(Object connection, String queue, long messageCount) {
        depth(queue).report(connection, messageCount);
    }

    /** The broker would not answer the probe for the queue (gone, locked, refused): its last depth is stale. */
    void unanswered(String queue) {
        depth(queue).forget();
    }

    /** On the export thread: whether a connection that reported a depth is still open. */
    private boolean open(Object connection) {
        try {
            return (boolean) isOpen.on(connection).invokeExact(connection);
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-connection-open", "could not ask a RabbitMQ connection whether it is open; its queues' depth is no longer exported", t);
            return false;
        }
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

    private QueueDepth depth(String queue) {
        QueueDepth found = depthByQueue.get(queue);
        if (found == null) {
            found = new QueueDepth(metrics.lag(SYSTEM, queueName(queue), null, null));
            if (depthByQueue.size() < MAX_REMEMBERED) {
                depthByQueue.put(queue, found);
            }
        }
        return found;
    }
}
