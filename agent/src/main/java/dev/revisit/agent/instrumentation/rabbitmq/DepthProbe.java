package dev.revisit.agent.instrumentation.rabbitmq;

import dev.revisit.agent.log.AgentLog;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;

/**
 * Opt-in ({@code revisit.rabbitmq.depth.probe.interval.ms}): every interval, on a thread of its
 * own, passive-declares the queues the application consumes from ({@code basicConsume},
 * {@code basicGet}) and reports their ready count — so a queue whose consumers stopped asking
 * still shows its depth. It opens one channel on the application's own connection (credentials,
 * TLS, virtual host as the application has them; no second login), never on its threads. A
 * connection that closed is dropped (the application's next consume or get on its successor
 * brings its queues back); a queue that is gone is dropped; any other failure is logged once and
 * retried with a doubling delay, up to a minute.
 */
final class DepthProbe {
    static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final int MAX_QUEUES = 1_000;

    private final long intervalMillis;
    private final ObjLongConsumer<String> depth;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean failing;

    DepthProbe(long intervalMillis, ObjLongConsumer<String> depth) {
        this.intervalMillis = intervalMillis;
        this.depth = depth;
    }

    /** On the application's thread, per consume or get: cheap once the queue is known. */
    void watch(Object channel, String queue) {
        if (channel == null || queue == null || queue.isEmpty() || watched.contains(queue) || watched.size() >= MAX_QUEUES) {
            return;
        }
        try {
            Client client = Client.of(channel);
            Object connection = client.getConnection.invoke(channel);
            if (connection != null && watched.add(queue)) {
                target(connection, client).queues.add(queue);
                if (started.compareAndSet(false, true)) {
                    Thread thread = new Thread(this::run, "revisit-rabbitmq-depth-probe");
                    thread.setDaemon(true);
                    thread.start();
                }
            }
        } catch (Throwable t) {
            AgentLog.once("rabbitmq-probe-watch", "the RabbitMQ depth probe cannot reach this client's connection; its queues are not probed", t);
        }
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
            boolean ok;
            try {
                ok = probeAll();
            } catch (Throwable t) {
                ok = false; // the probe thread outlives whatever a client did to it
                AgentLog.once("rabbitmq-probe-loop", "RabbitMQ depth probe failed; retrying with backoff", t);
            }
            delay = ok ? intervalMillis : Math.min(delay * 2, Math.max(intervalMillis, MAX_BACKOFF_MILLIS));
            if (ok && failing) {
                failing = false;
                AgentLog.info("RabbitMQ depth probe works again");
            }
        }
    }

    /** @return false when a probe failed for another reason than a closed connection or a deleted queue */
    boolean probeAll() {
        boolean ok = true;
        for (Target target : targets) {
            Object connection = target.connection.get();
            if (connection == null || !target.client.isOpen(connection)) {
                drop(target);
                continue;
            }
            for (String queue : target.queues) {
                try {
                    depth.accept(queue, target.depth(queue));
                } catch (Throwable t) {
                    Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
                    if (!target.client.isOpen(connection)) {
                        drop(target);
                        break;
                    }
                    if (notFound(cause)) {
                        // The broker answers a passive declare of a queue that is gone with 404 and closes the channel.
                        target.queues.remove(queue);
                        watched.remove(queue);
                        AgentLog.debug("RabbitMQ depth probe: queue " + queue + " is gone (" + cause + ")");
                    } else {
                        ok = false;
                        if (!failing) {
                            failing = true;
                            AgentLog.warn("RabbitMQ depth probe failed; retrying with backoff", cause);
                        }
                    }
                }
            }
        }
        return ok;
    }

    /** The client reports the broker's 404 only in its exception messages ({@code reply-code=404}). */
    static boolean notFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("reply-code=404")) {
                return true;
            }
        }
        return false;
    }

    private void drop(Target target) {
        Object connection = target.connection.get();
        if (connection != null && target.client.lost(connection)) {
            AgentLog.once("rabbitmq-probe-connection-lost", "RabbitMQ depth probe: an application connection to the broker was lost;"
                    + " its queues are probed again once the application consumes from them on a new one (automatic recovery does)", null);
        }
        targets.remove(target);
        watched.removeAll(target.queues);
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

    /** One application connection, the queues consumed over it, and the probe's channel on it. */
    private static final class Target {
        final WeakReference<Object> connection;
        final Client client;
        final Set<String> queues = ConcurrentHashMap.newKeySet();
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
