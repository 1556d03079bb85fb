package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A queue nobody reads for a while, for the depth probe: one empty {@code basicGet} (so the
 * application consumes from it), {@code published} messages, a pause, then a prefetch-1 push
 * consumer takes {@code consumed} and cancels, another pause. The application itself never asks
 * the depth after the first get: whatever depth is exported after it came from the probe. All
 * along it also consumes from {@code amq.rabbitmq.reply-to}, as an RPC client does.
 * args: {@code <queue> <published> <consumed> <pauseMillis>}.
 */
public final class UnreadQueue {

    public static void main(String[] args) throws Exception {
        String queue = args[0];
        int published = Integer.parseInt(args[1]);
        int consumed = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, false, false, false, null);
            try {
                if (channel.basicGet(queue, true) != null) {
                    throw new AssertionError("a fresh queue held a message");
                }
                // As an RPC client awaits its replies (direct reply-to): a pseudo-queue, no backlog to probe.
                String replies = channel.basicConsume("amq.rabbitmq.reply-to", true, new DefaultConsumer(channel));
                System.out.println("replies awaited " + (replies == null ? 0 : 1));
                channel.confirmSelect();
                AMQP.BasicProperties stamped = new AMQP.BasicProperties.Builder().timestamp(new Date(System.currentTimeMillis() - 30_000L)).build();
                for (int i = 0; i < published; i++) {
                    channel.basicPublish("", queue, stamped, new byte[] {1});
                }
                channel.waitForConfirmsOrDie(30_000);
                System.out.println("published " + published);
                Thread.sleep(pause);

                CountDownLatch done = new CountDownLatch(consumed);
                channel.basicQos(1);
                channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) throws IOException {
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
                System.out.println("consumed " + consumed);
                Thread.sleep(pause);
            } finally {
                channel.queueDelete(queue);
            }
        }
    }
}
