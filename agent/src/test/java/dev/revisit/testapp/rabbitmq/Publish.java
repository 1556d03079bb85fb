package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.Channel;

/** What the depth-probe programs publish: bare one-byte messages the broker has confirmed, so the depth that follows counts them. */
final class Publish {
    private Publish() {}

    static void confirmed(Channel channel, String queue, int count) throws Exception {
        channel.confirmSelect();
        for (int i = 0; i < count; i++) {
            channel.basicPublish("", queue, null, new byte[] {1});
        }
        channel.waitForConfirmsOrDie(10_000);
    }
}
