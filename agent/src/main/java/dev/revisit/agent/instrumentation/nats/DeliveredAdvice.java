package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.bootstrap.messaging.NatsHook;
import io.nats.client.Message;
import io.nats.client.SubscribeOptions;
import io.nats.client.impl.NatsJetStreamMetaData;
import net.bytebuddy.asm.Advice;

/**
 * On {@code MessageManager.trackJsMessage(msg)}: every subscription kind (push or pull, ordered,
 * the simplified consumer API) passes each JetStream message through it just before handing it
 * to the application, and it has just parsed the message's metadata, which the message caches —
 * so reading it here parses nothing again. Runs after the method released the client's lock;
 * not at all when it threw.
 */
public final class DeliveredAdvice {
    private DeliveredAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object manager, @Advice.FieldValue("so") Object options, @Advice.Argument(0) Object message) {
        NatsJetStreamMetaData meta = ((Message) message).metaData();
        SubscribeOptions so = (SubscribeOptions) options;
        // Ordered consumers get a fresh client-made name on every reset: no stable consumer to name.
        NatsHook.get().delivered(manager, meta.getStream(), so == null || so.isOrdered() ? null : so.getName(), meta.pendingCount(), meta.timestamp());
    }
}
