package dev.revisit.collector.catalog;

import dev.revisit.collector.store.GaugeWindow;
import dev.revisit.collector.store.MetricStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far behind a scope's consumers are: each series' last value in the window, the largest of
 * those per destination key (the contract attributes {@code by}, read through each source's own
 * label names), and the sum over keys.
 *
 * <p>Why the largest per key and not a plain sum: a series is one consumer instance's view. For
 * RabbitMQ queue depth and a NATS JetStream consumer's pending count every instance of a service
 * reports the same consumer-wide backlog, so summing would count it once per instance; for Kafka a
 * partition's previous owner's last value stays in the window after a rebalance, next to the new
 * owner's. Kafka partitions, queues and consumer groups are distinct keys and still add up.
 */
final class GaugeTotal extends OverSources {

    private final List<String> by;

    GaugeTotal(List<String> by, List<Source> sources) {
        super(sources);
        this.by = List.copyOf(by);
    }

    @Override
    public Bound bind(SeriesIndex index, Scope scope) {
        Map<List<String>, List<SeriesIndex.Resolved>> byKey = new LinkedHashMap<>();
        for (SeriesIndex.Resolved r : index.resolve(sources, scope)) {
            byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        MetricStore store = index.store();
        return (from, to) -> {
            double total = 0;
            boolean any = false;
            for (List<SeriesIndex.Resolved> sameKey : byKey.values()) {
                double largest = Double.NaN;
                for (SeriesIndex.Resolved r : sameKey) {
                    Optional<GaugeWindow> window = store.gauge(r.series(), from, to);
                    if (window.isPresent()) {
                        double last = window.get().last() * r.source().toBase();
                        largest = Double.isNaN(largest) ? last : Math.max(largest, last);
                    }
                }
                if (!Double.isNaN(largest)) {
                    total += largest;
                    any = true;
                }
            }
            return any ? total : Double.NaN;
        };
    }

    /** The series' values of {@code by}; absent counts as empty, as PromQL's {@code max by} groups it. */
    private List<String> key(SeriesIndex.Resolved r) {
        List<String> key = new ArrayList<>(by.size());
        for (String attribute : by) {
            String value = r.source().value(r.series().labels(), attribute);
            key.add(value == null ? "" : value);
        }
        return key;
    }
}
