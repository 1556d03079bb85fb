package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.log.AgentLog;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Opt-in ({@code revisit.rabbitmq.depth.probe.interval.ms}): every interval, on a thread of its
 * own, passive-declares the queues the application consumes from ({@code basicConsume},
 * {@code basicGet}) and reports their ready count — so a queue whose consumers stopped asking
 * still shows its depth. It opens one channel on the application's own connection (credentials,
 * TLS, virtual host as the application has them; no second login), never on its threads. A
 * connection that closed is dropped (the application's next consume or get on its successor
 * brings its queues back). A queue the broker does not answer for — gone (404), another
 * connection's exclusive queue (405 RESOURCE_LOCKED), refused (403) — has its depth cleared, since
 * nobody can confirm it any more, and is retried on its own with a doubling delay, up to a minute,
 * while the others keep their interval; each kind of failure is logged once. A queue still gone at
 * the longest delay is dropped until the application consumes from it again. RabbitMQ checks no
 * permission for a passive declare (only that the queue exists and is not another connection's
 * exclusive one), so it answers for queues the connection's user may not read; a queue is watched
 * only once the application's consume or get of it succeeded, and a 403 comes from brokers that do
 * check. The broker's pseudo-queues ({@code amq.rabbitmq.…}, direct reply-to) are not watched.
 */
final class DepthProbe {
    static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final int MAX_QUEUES = 1_000;

    /** Where readings go: the depth {@code connection} reported for {@code queue}. */
    @FunctionalInterface
    interface Readings {
        void depth(Object connection, String queue, long messageCount);
    }

    private final long intervalMillis;
    private final Readings readings;
    private final Consumer<String> unanswered;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean goneLogged = new AtomicBoolean();
    private volatile Thread thread;

    /** @param unanswered told of a queue the broker would not answer for: its depth is stale */
    DepthProbe(long intervalMillis, Readings readings, Consumer<String> unanswered) {
        this.intervalMillis = intervalMillis;
        this.readings = readings;
        this.unanswered = unanswered;
    }

    /** On the application's thread, per consume or get the broker accepted: cheap once the queue is known. */
    void watch(Object channel, String queue) {
        if (channel == null || queue == null || queue.isEmpty() || pseudoQueue(queue) || watched.contains(queue) || watched.size() >= MAX_QUEUES) {
            return;
        }
        try {
            Client client = Client.of(channel);
            Object connection = client.getConnection.invoke(channel);
            if (connection != null && watched.add(queue)) {
                target(connection, client).queues.put(queue, new Retry());
                if (started.compareAndSet(false, true)) {
                    Thread thread = new Thread(this::run, "revisit-rabbitmq-depth-probe");
                    thread.setDaemon(true);
                    this.thread = thread;
                    thread.start();
                }
            }
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-probe-watch", "the RabbitMQ depth probe cannot reach this client's connection; its queues are not probed", t);
        }
    }

    /**
     * Whether the caller is the probe's thread, the only one that uses the probe's channels: a
     * field compare where a declare's advice asks, with no channel set to look up.
     */
    boolean probing() {
        return Thread.currentThread() == thread;
    }

    /**
     * The broker's own names ({@code amq.rabbitmq.reply-to}, direct reply-to): pseudo-queues that
     * hold no backlog (a passive declare answers 0), so nothing a decision is about.
     */
    static boolean pseudoQueue(String queue) {
        return queue.startsWith("amq.rabbitmq.");
    }

    private synchronized Target target(Object connection, Client client) {
        for (Target target : targets) {
            if (target.connection.get() == connection) {
                return target;
            }
        }
        Target target = new Target(connection, client);
        targets.add(target);
        return target;
    }

    private void run() {
        long delay = intervalMillis;
        while (true) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            try {
                probeAll();
                delay = intervalMillis;
            } catch (Throwable t) {
                // the probe thread outlives whatever a client did to it
                AgentLog.once("rabbitmq-probe-loop", "RabbitMQ depth probe failed; retrying with backoff", t);
                delay = Math.min(delay * 2, Math.max(intervalMillis, MAX_BACKOFF_MILLIS));
            }
        }
    }

    /** One round: every queue not waiting out a backoff. */
    void probeAll() {
        long now = System.nanoTime();
        for (Target target : targets) {
            Object connection = target.connection.get();
            if (connection == null || !target.client.isOpen(connection)) {
                drop(target);
                continue;
            }
            for (Map.Entry<String, Retry> entry : target.queues.entrySet()) {
                String queue = entry.getKey();
                Retry retry = entry.getValue();
                if (now - retry.notBeforeNanos < 0) {
                    continue;
                }
                try {
                    readings.depth(connection, queue, target.depth(queue));
                    if (retry.delayMillis > 0) {
                        retry.delayMillis = 0;
                        AgentLog.info("RabbitMQ depth probe: queue " + queue + " answers again");
                    }
                } catch (Throwable t) {
                    Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
                    if (!target.client.isOpen(connection)) {
                        drop(target);
                        break;
                    }
                    // A depth the broker no longer answers for is stale, whatever the reason.
                    unanswered.accept(queue);
                    String reply = brokerReply(cause);
                    if (reply != null && reply.contains("reply-code=404")) {
                        // The broker answers a passive declare of a queue that is gone with 404 and closes the channel.
                        if (goneLogged.compareAndSet(false, true)) { // deleting a queue is nothing to warn about
                            AgentLog.info("RabbitMQ depth probe: a queue it probes is gone (" + reply + ");"
                                    + " its depth is no longer exported, and it is probed again with backoff in case it comes back");
                        }
                        if (retry.delayMillis >= MAX_BACKOFF_MILLIS) {
                            target.queues.remove(queue); // the application's next consume or get brings it back
                            watched.remove(queue);
                            continue;
                        }
                    } else {
                        // 405 (another connection's exclusive queue) or 403 (a broker that checks permissions): the
                        // broker closed the probe's own channel only; the application's channels never see it.
                        AgentLog.once("rabbitmq-probe-queue-" + replyCode(reply), "RabbitMQ depth probe: the broker would not declare a queue it probes"
                                + (reply == null ? "" : " (" + reply + ")") + "; its depth is no longer exported,"
                                + " and it is retried with backoff while the others keep their interval", reply == null ? cause : null);
                    }
                    retry.backOff(intervalMillis, now);
                }
            }
        }
    }

    /**
     * The broker's reason ({@code reply-code=405, reply-text=RESOURCE_LOCKED - ...}) as the client
     * reports it: only in the message of a {@code ShutdownSignalException} somewhere in the causes.
     */
    static String brokerReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf("reply-code=");
            if (at >= 0) {
                int end = message.indexOf(", class-id=", at);
                return message.substring(at, end < 0 ? message.length() : end);
            }
        }
        return null;
    }

    /** {@code 405} from {@code reply-code=405, ...}; {@code other} without one: a key per kind of failure. */
    static String replyCode(String reply) {
        if (reply == null) {
            return "other";
        }
        int end = reply.indexOf(',');
        return reply.substring("reply-code=".length(), end < 0 ? reply.length() : end);
    }

    private void drop(Target target) {
        Object connection = target.connection.get();
        if (connection != null && target.client.lost(connection)) {
            AgentLog.once("rabbitmq-probe-connection-lost", "RabbitMQ depth probe: an application connection to the broker was lost;"
                    + " its queues are probed again once the application consumes from them on a new one (automatic recovery does)", null);
        }
        targets.remove(target);
        watched.removeAll(target.queues.keySet());
        target.closeChannel();
    }

    /** The client's public interfaces, found in the application's class loader. */
    private record Client(Method getConnection, Method createChannel, Method connectionOpen, Method closeReason,
                          Method byApplication, Method channelOpen, Method declarePassive, Method messageCount, Method closeChannel) {
        private static final ClassValue<Client> BY_CHANNEL_CLASS = new ClassValue<>() {
            @Override
            protected Client computeValue(Class<?> channelClass) {
                try {
                    ClassLoader loader = channelClass.getClassLoader();
                    Class<?> channel = Class.forName("com.rabbitmq.client.Channel", false, loader);
                    Class<?> connection = Class.forName("com.rabbitmq.client.Connection", false, loader);
                    Class<?> declareOk = Class.forName("com.rabbitmq.client.AMQP$Queue$DeclareOk", false, loader);
                    Class<?> shutdown = Class.forName("com.rabbitmq.client.ShutdownSignalException", false, loader);
                    return new Client(channel.getMethod("getConnection"), connection.getMethod("createChannel"),
                            connection.getMethod("isOpen"), connection.getMethod("getCloseReason"),
                            shutdown.getMethod("isInitiatedByApplication"), channel.getMethod("isOpen"),
                            channel.getMethod("queueDeclarePassive", String.class), declareOk.getMethod("getMessageCount"),
                            channel.getMethod("close"));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("not a RabbitMQ client this agent knows: " + channelClass.getName(), e);
                }
            }
        };

        static Client of(Object channel) {
            return BY_CHANNEL_CLASS.get(channel.getClass());
        }

        /** Closed, and not by the application: the broker or the network went away. */
        boolean lost(Object connection) {
            try {
                Object reason = closeReason.invoke(connection);
                return reason != null && !Boolean.TRUE.equals(byApplication.invoke(reason));
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        boolean isOpen(Object connection) {
            try {
                return Boolean.TRUE.equals(connectionOpen.invoke(connection));
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }

    /** When a failing queue is probed next; the probe thread's own. */
    static final class Retry {
        long delayMillis;
        long notBeforeNanos;

        /** Doubles the delay (the interval at first), up to {@link #MAX_BACKOFF_MILLIS}. */
        void backOff(long intervalMillis, long nowNanos) {
            delayMillis = delayMillis == 0 ? Math.max(1, intervalMillis) : Math.min(delayMillis * 2, Math.max(intervalMillis, MAX_BACKOFF_MILLIS));
            notBeforeNanos = nowNanos + delayMillis * 1_000_000L;
        }
    }

    /** One application connection, the queues consumed over it, and the probe's channel on it. */
    private static final class Target {
        final WeakReference<Object> connection;
        final Client client;
        final Map<String, Retry> queues = new ConcurrentHashMap<>();
        private Object channel;

        Target(Object connection, Client client) {
            this.connection = new WeakReference<>(connection);
            this.client = client;
        }

        long depth(String queue) throws ReflectiveOperationException {
            if (channel == null || channelClosed()) {
                Object connection = this.connection.get();
                channel = connection == null ? null : client.createChannel.invoke(connection);
                if (channel == null) {
                    throw new IllegalStateException("the connection has no channel to spare");
                }
            }
            Object ok = client.declarePassive.invoke(channel, queue);
            return ((Number) client.messageCount.invoke(ok)).longValue();
        }

        boolean channelClosed() {
            try {
                return channel == null || !Boolean.TRUE.equals(client.channelOpen.invoke(channel));
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        void closeChannel() {
            Object open = channel;
            channel = null;
            if (open != null) {
                try {
                    client.closeChannel.invoke(open);
                } catch (Throwable ignored) {
                    // closed with its connection
                }
            }
        }
    }
}
