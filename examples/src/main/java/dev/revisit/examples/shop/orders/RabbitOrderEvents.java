package dev.revisit.examples.shop.orders;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.TimeoutException;

/**
 * Order events on a RabbitMQ queue, drained by a {@link ShippingConsumer}. The queue is exclusive to
 * the shop's connection, so the broker drops it when the shop stops.
 */
public final class RabbitOrderEvents implements OrderEvents {

    private final Connection connection;
    private final Channel publisher;
    private final String queue;
    private final ShippingConsumer shipping;

    private RabbitOrderEvents(Connection connection, Channel publisher, String queue, ShippingConsumer shipping) {
        this.connection = connection;
        this.publisher = publisher;
        this.queue = queue;
        this.shipping = shipping;
    }

    /** Connects and starts shipping; without a broker, {@link OrderEvents#none} says why. */
    public static OrderEvents connect(String uri, String queue, long shippingMillis) {
        ConnectionFactory factory = new ConnectionFactory();
        Connection connection = null;
        try {
            factory.setUri(uri);
            factory.setConnectionTimeout(2_000);
            connection = factory.newConnection("revisit-shop");
            Channel publisher = connection.createChannel();
            publisher.queueDeclare(queue, false, true, false, null);
            ShippingConsumer shipping = ShippingConsumer.start(connection.createChannel(), queue, shippingMillis);
            return new RabbitOrderEvents(connection, publisher, queue, shipping);
        } catch (Exception e) {
            if (connection != null) {
                try {
                    connection.abort();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            return OrderEvents.none("RabbitMQ is not reachable at " + safe(uri) + " (" + e + ")");
        }
    }

    @Override
    public void confirmed(long orderId, String customer) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(1).timestamp(new Date()).build();
        byte[] body = ("{\"order\":" + orderId + ",\"customer\":\"" + customer + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (publisher) { // a channel is not for concurrent publishing
                publisher.basicPublish("", queue, properties, body);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not publish order " + orderId + " to " + queue, e);
        }
    }

    @Override
    public String describe() {
        return "order events go to RabbitMQ queue " + queue + " (shipping takes " + shipping.millisPerMessage()
                + " ms per event)";
    }

    @Override
    public void close() {
        shipping.stop();
        try {
            connection.close(2_000);
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
    }

    private static String safe(String uri) {
        return uri.replaceAll("//[^@/]*@", "//");
    }
}
