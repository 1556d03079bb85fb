package dev.revisit.agent.instrumentation.rabbitmq;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the probe makes of a failed passive declare. RabbitMQ itself never answers one with 403
 * (it checks no permission for it), so this is where a refusal from a broker that does is read.
 */
class DepthProbeTest {

    @Test
    void theBrokersReplyComesFromTheClientsCausesAndKeysOneLinePerKind() {
        // As amqp-client 5 throws it: an IOException without a message, caused by the ShutdownSignalException.
        IOException refused = new IOException(null, new RuntimeException("channel error; protocol method: #method<channel.close>"
                + "(reply-code=403, reply-text=ACCESS_REFUSED - access to queue 'q' in vhost '/' refused for user 'u', class-id=50, method-id=10)"));
        String reply = DepthProbe.brokerReply(refused);
        assertEquals("reply-code=403, reply-text=ACCESS_REFUSED - access to queue 'q' in vhost '/' refused for user 'u'", reply);
        assertEquals("403", DepthProbe.replyCode(reply));
        assertEquals("405", DepthProbe.replyCode(DepthProbe.brokerReply(new IOException(new RuntimeException(
                "channel error; protocol method: #method<channel.close>(reply-code=405, reply-text=RESOURCE_LOCKED - cannot obtain exclusive access")))));

        assertNull(DepthProbe.brokerReply(new IOException("Connection reset", new IOException())));
        assertEquals("other", DepthProbe.replyCode(null));
    }

    @Test
    void theBrokersPseudoQueuesAreNotProbedServerNamedOnesAre() {
        assertTrue(DepthProbe.pseudoQueue("amq.rabbitmq.reply-to"));
        assertTrue(DepthProbe.pseudoQueue("amq.rabbitmq.reply-to.g1h2AA5yZXBseUAyODU1OTU3OQAAAAE="));
        assertFalse(DepthProbe.pseudoQueue("amq.gen-JzTY20BRgKO-HjmUJj0wLg"));
        assertFalse(DepthProbe.pseudoQueue("orders"));
        assertFalse(DepthProbe.pseudoQueue("amq.rabbitmq"));
    }
}
