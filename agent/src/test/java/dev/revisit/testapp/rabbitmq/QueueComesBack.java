package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * For the depth probe: a queue the application reads is deleted and declared again by someone
 * else (another connection, as an operator or another service would), while the application
 * leaves it alone. {@code 50} messages, a pause; deleted, a pause; declared again with
 * {@code 70}, a longer pause (the probe retries a failing queue with backoff); then the
 * application gets one message from it on its own channel, untouched by the probe's failures.
 * Prints {@code before}, {@code deleted}, {@code back}, {@code got <messages>} and what
 * {@link ProbeDeclares} counted of the probe's declares.
 * args: {@code <queue> <pauseMillis>}.
 */
public final class QueueComesBack {

    public static void main(String[] args) throws Exception {
        String queue = args[0];
        long pause = Long.parseLong(args[1]);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        try (Connection app = factory.newConnection(); Channel channel = app.createChannel();
             Connection other = factory.newConnection(); Channel operator = other.createChannel()) {
            operator.queueDeclare(queue, false, false, false, null);
            try {
                if (channel.basicGet(queue, true) != null) { // the application reads the queue: the probe watches it
                    throw new AssertionError("a fresh queue held a message");
                }
                ProbeDeclares declares = ProbeDeclares.install();
                Publish.confirmed(operator, queue, 50);
                Thread.sleep(pause);
                System.out.println("before");

                operator.queueDelete(queue);
                System.out.println("deleted");
                Thread.sleep(pause);

                operator.queueDeclare(queue, false, false, false, null);
                Publish.confirmed(operator, queue, 70);
                Thread.sleep(3 * pause);
                System.out.println("back");

                GetResponse got = channel.basicGet(queue, true);
                System.out.println("got " + (got == null ? 0 : 1));
                Thread.sleep(pause);
                System.out.println(declares.summary());
            } finally {
                operator.queueDelete(queue);
            }
        }
    }
}
