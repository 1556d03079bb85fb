/**
 * The RabbitMQ Java client, for the {@code async} area: delivery delay, consumed messages and
 * queue depth as {@code revisit.messaging.consumer.lag}, per queue, while the connection that
 * reported it is open. The advice passes the
 * client's objects as {@code Object}; the hook reads them through method handles found once per
 * class ({@link dev.revisit.agent.instrumentation.rabbitmq.Getter}), so the client may be loaded
 * by any class loader. The opt-in depth probe asks the broker on a channel of its own.
 */
package dev.revisit.agent.instrumentation.rabbitmq;
