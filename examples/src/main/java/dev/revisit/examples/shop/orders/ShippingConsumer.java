package dev.revisit.examples.shop.orders;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;

/**
 * Ships orders one event at a time, polling with {@code basicGet}, at a fixed pace slower than the
 * load places orders: the queue grows, which is the consumer falling behind.
 */
final class ShippingConsumer implements Runnable {

    private final Channel channel;
    private final String queue;
    private final long millisPerMessage;
    private final Thread thread;
    private volatile boolean running = true;

    private ShippingConsumer(Channel channel, String queue, long millisPerMessage) {
        this.channel = channel;
        this.queue = queue;
        this.millisPerMessage = millisPerMessage;
        this.thread = new Thread(this, "shipping");
        thread.setDaemon(true);
    }

    static ShippingConsumer start(Channel channel, String queue, long millisPerMessage) {
        ShippingConsumer consumer = new ShippingConsumer(channel, queue, millisPerMessage);
        consumer.thread.start();
        return consumer;
    }

    long millisPerMessage() {
        return millisPerMessage;
    }

    @Override
    public void run() {
        while (running) {
            try {
                GetResponse event = channel.basicGet(queue, false);
                Thread.sleep(event == null ? 100 : millisPerMessage); // printing the label
                if (event != null) {
                    channel.basicAck(event.getEnvelope().getDeliveryTag(), false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("shipping: " + e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
    }
}
