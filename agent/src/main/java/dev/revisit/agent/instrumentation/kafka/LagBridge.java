package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.GaugeSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumer lag from the client's own fetch metrics: {@code records-lag} in
 * {@code consumer-fetch-manager-metrics}, per topic and partition — the high watermark of the
 * last fetch minus the position after the records handed to the application. The client
 * keeps it up to date on every poll; the agent adds no broker call. Metric objects are found
 * through {@code KafkaConsumer.metrics()} on the consumer's own thread (the consumer is not
 * thread-safe), and only their values are read on the export thread ({@link LagGauges}).
 */
final class LagBridge {
    static final String LAG_METRIC = "records-lag";
    static final String FETCH_GROUP = "consumer-fetch-manager-metrics";

    private final MessagingMetrics metrics;

    LagBridge(MessagingMetrics metrics) {
        this.metrics = metrics;
    }

    /** The client metric and the gauge it feeds; removed once the client dropped the metric (partition unassigned). */
    static final class Reading {
        final Object metric;
        final GaugeSeries gauge;
        volatile boolean removed;

        Reading(Object metric, GaugeSeries gauge) {
            this.metric = metric;
            this.gauge = gauge;
        }

        /** The metric's current value; NaN when it has none or is gone. On the export thread. */
        double value() {
            if (removed) {
                return Double.NaN;
            }
            try {
                return call(metric, "metricValue") instanceof Number value ? value.doubleValue() : Double.NaN;
            } catch (Throwable t) {
                AgentLog.once("kafka-lag-read", "could not read a Kafka lag metric", t);
                return Double.NaN;
            }
        }
    }

    /** On the consumer's thread: the lag metrics it has now (one per partition it has fetched). */
    List<Reading> scan(Object consumer, String group) {
        List<Reading> found = new ArrayList<>();
        try {
            Map<?, ?> all = (Map<?, ?>) consumer.getClass().getMethod("metrics").invoke(consumer);
            for (Map.Entry<?, ?> entry : all.entrySet()) {
                Object name = entry.getKey();
                if (LAG_METRIC.equals(call(name, "name")) && FETCH_GROUP.equals(call(name, "group"))
                        && call(name, "tags") instanceof Map<?, ?> tags
                        && tags.get("topic") instanceof String topic && tags.get("partition") instanceof String partition) {
                    found.add(new Reading(entry.getValue(), metrics.lag(KafkaMetrics.SYSTEM, topic, group, partition)));
                }
            }
        } catch (Throwable t) {
            AgentLog.once("kafka-lag-scan", "could not read the Kafka consumer's fetch metrics; its lag stays unreported", t);
        }
        return List.copyOf(found);
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
