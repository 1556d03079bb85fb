package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;
import dev.revisit.agent.recorder.MetricView;
import dev.revisit.agent.recorder.PointView;
import dev.revisit.agent.recorder.Recorder;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the export thread makes of the open consumers' lag readings, over real kafka-clients
 * metrics (a client's {@code Metrics} registry, the sensors its fetch code records into).
 */
class LagGaugesTest {
    private final Recorder recorder = new Recorder(100, 1_000);
    private final MessagingMetrics messaging = new MessagingMetrics(recorder);
    private final Metrics registry = new Metrics();
    private final LagGauges gauges = new LagGauges();

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void onlyLiveReadingsOfOpenConsumersAreExportedAndTheLargerOfTwoCounts() {
        ConsumerState first = state("orders", 0, 600, "orders", 1, 300);
        ConsumerState second = state("orders", 1, 0);
        List<ConsumerState> open = List.of(first, second);
        gauges.publish(open);
        assertEquals(Map.of("0", 600.0, "1", 300.0), exported(), "partition 1 seen by both: the larger");

        first.lags.get(1).removed = true; // the client removed first's metric for partition 1: it went to second
        gauges.publish(open);
        assertEquals(Map.of("0", 600.0, "1", 0.0), exported());

        gauges.publish(List.of(second)); // first closed
        assertEquals(Map.of("1", 0.0), exported(), "a closed consumer's partition is no longer exported");

        gauges.publish(List.of());
        assertEquals(Map.of(), exported());
        gauges.publish(List.of(first)); // a consumer polled again: its live readings come back
        assertEquals(Map.of("0", 600.0), exported());
    }

    /** A consumer state whose readings are lag metrics of (topic, partition, lag) triples. */
    private ConsumerState state(Object... triples) {
        ConsumerState state = new ConsumerState(new Object(), "g");
        List<LagBridge.Reading> readings = new java.util.ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            String topic = (String) triples[i];
            String partition = Integer.toString((int) triples[i + 1]);
            Sensor sensor = registry.sensor(state.hashCode() + "." + topic + "." + partition + ".records-lag");
            MetricName name = registry.metricName(LagBridge.LAG_METRIC, LagBridge.FETCH_GROUP,
                    Map.of("topic", topic, "partition", partition, "client-id", Integer.toString(state.hashCode())));
            sensor.add(name, new Value());
            sensor.record(((Number) triples[i + 2]).doubleValue());
            readings.add(new LagBridge.Reading(registry.metric(name), messaging.lag(KafkaMetrics.SYSTEM, topic, "g", partition)));
        }
        state.lags = List.copyOf(readings);
        return state;
    }

    private Map<String, Double> exported() {
        Map<String, Double> found = new TreeMap<>();
        for (MetricView view : recorder.collect()) {
            if (view.name().equals(MessagingMetrics.LAG)) {
                for (PointView point : view.points()) {
                    found.put(point.attributeValues().get(3), point.value());
                }
            }
        }
        return found;
    }
}
