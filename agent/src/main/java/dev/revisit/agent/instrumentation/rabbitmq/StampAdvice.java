package dev.revisit.agent.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;

import java.util.Date;

/**
 * On {@code ChannelN.basicPublish(exchange, key, mandatory, immediate, props, body)}, opt-in
 * ({@code revisit.rabbitmq.stamp}): a message without a {@code timestamp} gets the publish time,
 * so consumers can measure delay. Allocates a properties copy per unstamped message.
 */
public final class StampAdvice {
    private StampAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 4, readOnly = false) AMQP.BasicProperties properties) {
        if ((properties == null || properties.getTimestamp() == null) && RabbitMqHook.get().stampOutgoing()) {
            properties = (properties == null ? new AMQP.BasicProperties.Builder() : properties.builder())
                    .timestamp(new Date()).build();
        }
    }
}
