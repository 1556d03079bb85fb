package dev.revisit.agent.instrumentation.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import dev.revisit.agent.bootstrap.messaging.RabbitMqHook;
import net.bytebuddy.asm.Advice;

/** On {@code ChannelN.basicGet(queue, autoAck)}: a pulled message, and how many remain ready. */
public final class GetAdvice {
    private GetAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(0) String queue, @Advice.Return GetResponse response) {
        if (response == null) {
            RabbitMqHook.get().got(queue, false, 0L, null, null);
            return;
        }
        AMQP.BasicProperties properties = response.getProps();
        RabbitMqHook.get().got(queue, true, response.getMessageCount(),
                properties == null ? null : properties.getTimestamp(), properties == null ? null : properties.getHeaders());
    }
}
