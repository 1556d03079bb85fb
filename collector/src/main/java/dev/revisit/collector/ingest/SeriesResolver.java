package dev.revisit.collector.ingest;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import dev.revisit.collector.store.Series;
import dev.revisit.collector.store.StoredSeries;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the stored series for an OTLP data point. Building a sorted {@link Labels} for every
 * point would dominate ingest, so points are first looked up by a flat string of the metric,
 * kind and attributes as sent; only a miss builds the labels (resource attributes merged with
 * point attributes, the point's winning) and opens the series.
 */
final class SeriesResolver {

    private static final char SEP = '\u0000';
    private static final char KV = '\u0001';
    private static final String CURRENT_ENVIRONMENT = "deployment.environment.name";
    private static final String OLDER_ENVIRONMENT = "deployment.environment";

    private final MemoryStore store;
    /** Keys as sent: different attribute orders alias one series, so bound it by twice the series cap. */
    private final ConcurrentHashMap<String, StoredSeries> aliases = new ConcurrentHashMap<>();
    private final int maxAliases;
    private volatile long generation;

    SeriesResolver(MemoryStore store) {
        this.store = store;
        this.maxAliases = Math.max(1024, store.config().maxSeries() * 2);
    }

    /** Flat key prefix of one resource's attributes, computed once per resource. */
    static String resourceKey(List<KeyValue> attributes) {
        StringBuilder sb = new StringBuilder();
        appendAttributes(sb, attributes);
        return sb.toString();
    }

    /**
     * The series, or null when the store refuses it (full, or the name is taken by another kind).
     * {@code key} is a scratch builder owned by the caller's thread.
     */
    StoredSeries resolve(StringBuilder key, String metric, MetricKind kind, String resourceKey,
                         List<KeyValue> resource, List<KeyValue> point) {
        long gen = store.generation();
        if (gen != generation) { // series were dropped: forget aliases that may point at them
            aliases.clear();
            generation = gen;
        }
        key.setLength(0);
        key.append(metric).append(SEP).append((char) kind.ordinal()).append(SEP).append(resourceKey).append(SEP);
        appendAttributes(key, point);
        String k = key.toString();
        StoredSeries s = aliases.get(k);
        if (s != null) return s;
        s = store.open(new Series(metric, kind, labels(resource, point)));
        if (s != null) {
            if (aliases.size() >= maxAliases) aliases.clear();
            aliases.put(k, s);
        }
        return s;
    }

    private static void appendAttributes(StringBuilder sb, List<KeyValue> attributes) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            KeyValue kv = attributes.get(i);
            sb.append(kv.getKey()).append(KV);
            appendValue(sb, kv.getValue());
            sb.append(SEP);
        }
    }

    static Labels labels(List<KeyValue> resource, List<KeyValue> point) {
        TreeMap<String, String> map = new TreeMap<>();
        for (KeyValue kv : resource) map.put(kv.getKey(), text(kv.getValue()));
        for (KeyValue kv : point) map.put(kv.getKey(), text(kv.getValue()));
        currentEnvironmentName(map);
        return new Labels(map);
    }

    /**
     * The older semantic-conventions attribute {@code deployment.environment}, which many teams still
     * set, is read as {@code deployment.environment.name} when that is absent or empty (the newer wins
     * when both are set): the rule the agent's /metrics labels series by, so a scope pinning
     * {@code deployment.environment.name} finds the same services in this store as on Prometheus.
     */
    private static void currentEnvironmentName(Map<String, String> labels) {
        String older = labels.get(OLDER_ENVIRONMENT);
        String current = labels.get(CURRENT_ENVIRONMENT);
        if (older != null && !older.isEmpty() && (current == null || current.isEmpty())) {
            labels.put(CURRENT_ENVIRONMENT, older);
        }
    }

    static String text(AnyValue value) {
        return value.getValueCase() == AnyValue.ValueCase.STRING_VALUE ? value.getStringValue()
                : appendValue(new StringBuilder(), value).toString();
    }

    private static StringBuilder appendValue(StringBuilder sb, AnyValue v) {
        switch (v.getValueCase()) {
            case STRING_VALUE -> sb.append(v.getStringValue());
            case BOOL_VALUE -> sb.append(v.getBoolValue());
            case INT_VALUE -> sb.append(v.getIntValue());
            case DOUBLE_VALUE -> sb.append(v.getDoubleValue());
            case BYTES_VALUE -> sb.append(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                sb.append('[');
                List<AnyValue> values = v.getArrayValue().getValuesList();
                for (int i = 0; i < values.size(); i++) appendValue(i == 0 ? sb : sb.append(','), values.get(i));
                sb.append(']');
            }
            case KVLIST_VALUE -> {
                sb.append('{');
                List<KeyValue> values = v.getKvlistValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    appendValue((i == 0 ? sb : sb.append(',')).append(values.get(i).getKey()).append('='), values.get(i).getValue());
                }
                sb.append('}');
            }
            default -> { }
        }
        return sb;
    }
}
