package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;

/**
 * For the depth probe: queues the broker will not let this application's connection have. The
 * application connects as a user that may read only {@code <prefix>-ok} and {@code <prefix>-locked}
 * (the test creates it), and gets from both, so the probe watches them on its connection.
 * <ul>
 *   <li>{@code <prefix>-refused} (40 messages): the application's consume is refused (403, no read
 *   permission) on a channel of its own; the probe does not watch it (a passive declare, which
 *   RabbitMQ lets through, would read it all the same).</li>
 *   <li>{@code <prefix>-locked}: 20 messages; then another connection takes it over as an exclusive
 *   queue with 60 (a passive declare from here gets 405 RESOURCE_LOCKED); then that connection goes,
 *   and the queue is declared again, shared, with 70.</li>
 *   <li>{@code <prefix>-ok}: 30 messages; while the other is locked the application publishes 5 on its
 *   own channel (35, seen by nobody but the probe) and, a pause later, gets one (34); then the lock ends.</li>
 * </ul>
 * Prints each step and what the application's own connection and channel said.
 * args: {@code <prefix> <user> <password> <pauseMillis>}.
 */
public final class RefusedAndLockedQueues {

    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        long pause = Long.parseLong(args[3]);
        String ok = prefix + "-ok";
        String refused = prefix + "-refused";
        String locked = prefix + "-locked";
        ConnectionFactory operatorFactory = factory("guest", "guest");
        ConnectionFactory appFactory = factory(args[1], args[2]);
        try (Connection operatorConnection = operatorFactory.newConnection(); Channel operator = operatorConnection.createChannel()) {
            try {
                for (String queue : new String[] {ok, refused, locked}) {
                    operator.queueDeclare(queue, false, false, false, null);
                }
                try (Connection app = appFactory.newConnection(); Channel channel = app.createChannel()) {
                    requireEmpty(channel.basicGet(ok, true));
                    requireEmpty(channel.basicGet(locked, true));
                    Channel spare = app.createChannel();
                    try {
                        spare.basicConsume(refused, true, new DefaultConsumer(spare));
                        System.out.println("consume allowed");
                    } catch (IOException e) {
                        System.out.println("consume refused, application channel open " + channel.isOpen());
                    }
                    Publish.confirmed(operator, ok, 30);
                    Publish.confirmed(operator, refused, 40);
                    Publish.confirmed(operator, locked, 20);
                    Thread.sleep(pause);
                    System.out.println("before");

                    operator.queueDelete(locked);
                    Connection owner = operatorFactory.newConnection();
                    Channel owning = owner.createChannel();
                    owning.queueDeclare(locked, false, true, false, null);
                    Publish.confirmed(owning, locked, 60);
                    System.out.println("locked");
                    Thread.sleep(pause);
                    Publish.confirmed(channel, ok, 5);
                    Thread.sleep(pause);
                    GetResponse got = channel.basicGet(ok, true);
                    System.out.println("application got " + (got == null ? "nothing" : "1, " + got.getMessageCount() + " left"));

                    owner.close(); // the broker deletes the exclusive queue with its connection
                    operator.queueDeclare(locked, false, false, false, null);
                    Publish.confirmed(operator, locked, 70);
                    System.out.println("unlocked");
                    // The probe retries the locked queue with a doubling delay: its last failure may have come just
                    // before the unlock, two pauses in, so the next try is up to two pauses away.
                    Thread.sleep(4 * pause);

                    System.out.println("application connection open " + app.isOpen() + ", channel open " + channel.isOpen());
                }
            } finally {
                for (String queue : new String[] {ok, refused, locked}) {
                    operator.queueDelete(queue);
                }
            }
        }
    }

    private static ConnectionFactory factory(String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername(user);
        factory.setPassword(password);
        return factory;
    }

    private static void requireEmpty(GetResponse response) {
        if (response != null) {
            throw new AssertionError("a fresh queue held a message");
        }
    }
}
