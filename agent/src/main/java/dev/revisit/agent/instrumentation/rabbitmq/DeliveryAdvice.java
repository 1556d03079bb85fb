package dev.revisit.agent.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;

/** On {@code ConsumerDispatcher.handleDelivery}: a push delivery reached the client, before the consumer runs. */
public final class DeliveryAdvice {
    private DeliveryAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(1) String consumerTag, @Advice.Argument(3) AMQP.BasicProperties properties) {
        if (properties != null) {
            RabbitMqHook.get().delivered(consumerTag, properties.getTimestamp(), properties.getHeaders());
        } else {
            RabbitMqHook.get().delivered(consumerTag, null, null);
        }
    }
}
