package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog on the real RabbitMQ, consumed slowly; prints what it saw for the test to compare.
 * args: {@code backlog <queuePrefix> <published> <pulled> <pushed>} or {@code stamp <queuePrefix>}.
 * <ul>
 *   <li>backlog: {@code <prefix>-skew} holds 5 messages stamped an hour ahead and 5 unstamped,
 *       all pulled; {@code <prefix>-orders} gets {@code published} messages stamped 30 s ago, of which
 *       {@code pulled} are taken with basicGet and {@code pushed} through a prefetch-1 consumer
 *       that cancels itself at the last one; passive declares report the depth in between.</li>
 *   <li>stamp: 20 messages published without a timestamp, pulled back; prints how many arrived stamped.</li>
 * </ul>
 * Then it holds the connection open {@value #HOLD_MILLIS} ms, closes it and prints {@code closed}.
 */
public final class SlowConsumer {
    private static final long HOLD_MILLIS = 700;

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            if (args[0].equals("stamp")) {
                stamp(channel, args[1] + "-stamp");
            } else {
                skew(channel, args[1] + "-skew");
                orders(channel, args[1] + "-orders", Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            }
            Thread.sleep(HOLD_MILLIS); // exports while the connection that reported the depths is open
        }
        System.out.println("closed");
        unreachable();
    }

    private static void skew(Channel channel, String queue) throws Exception {
        fresh(channel, queue);
        AMQP.BasicProperties ahead = new AMQP.BasicProperties.Builder().timestamp(new Date(System.currentTimeMillis() + 3_600_000L)).build();
        for (int i = 0; i < 5; i++) {
            channel.basicPublish("", queue, ahead, new byte[] {1});
            channel.basicPublish("", queue, null, new byte[] {2});
        }
        channel.waitForConfirmsOrDie(10_000);
        int got = 0;
        while (channel.basicGet(queue, true) != null) {
            got++;
        }
        channel.queueDelete(queue);
        System.out.println("skew " + got);
    }

    private static void orders(Channel channel, String queue, int published, int pulled, int pushed) throws Exception {
        fresh(channel, queue);
        AMQP.BasicProperties stamped = new AMQP.BasicProperties.Builder().timestamp(new Date(System.currentTimeMillis() - 30_000L)).build();
        for (int i = 0; i < published; i++) {
            channel.basicPublish("", queue, stamped, new byte[] {3});
        }
        channel.waitForConfirmsOrDie(30_000);
        AtomicLong delayMillis = new AtomicLong();
        for (int i = 0; i < pulled; i++) {
            GetResponse response = channel.basicGet(queue, true);
            delayMillis.addAndGet(System.currentTimeMillis() - response.getProps().getTimestamp().getTime());
        }
        System.out.println("depth-after-pull " + channel.queueDeclarePassive(queue).getMessageCount());

        CountDownLatch done = new CountDownLatch(pushed);
        channel.basicQos(1);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
                delayMillis.addAndGet(System.currentTimeMillis() - properties.getTimestamp().getTime());
                done.countDown();
                if (done.getCount() == 0) {
                    getChannel().basicCancel(tag); // before the ack: no further delivery
                }
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("consumer stalled at " + done.getCount());
        }
        long depth = -1;
        for (int i = 0; i < 50 && depth != published - pulled - pushed; i++) {
            Thread.sleep(100); // the last ack reaches the broker asynchronously
            depth = channel.queueDeclarePassive(queue).getMessageCount();
        }
        System.out.println("orders " + (pulled + pushed) + " " + delayMillis.get());
        System.out.println("depth " + depth);
        channel.queueDelete(queue);
    }

    private static void stamp(Channel channel, String queue) throws Exception {
        fresh(channel, queue);
        AMQP.BasicProperties typed = new AMQP.BasicProperties.Builder().contentType("text/plain").build();
        for (int i = 0; i < 10; i++) {
            channel.basicPublish("", queue, null, new byte[] {4});
            channel.basicPublish("", queue, typed, new byte[] {5});
        }
        channel.waitForConfirmsOrDie(10_000);
        int stamped = 0;
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            stamped += response.getProps().getTimestamp() != null ? 1 : 0;
        }
        channel.queueDelete(queue);
        System.out.println("stamped " + stamped);
    }

    /** A broker that is not there fails the application exactly as without the agent. */
    private static void unreachable() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(1);
        factory.setConnectionTimeout(2_000);
        try (Connection ignored = factory.newConnection()) {
            throw new AssertionError("connected to port 1");
        } catch (IOException expected) {
            System.out.println("unreachable " + expected.getClass().getSimpleName());
        }
    }

    private static void fresh(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, false, false, false, null);
        channel.queuePurge(queue);
    }
}
