package dev.revisit.collector.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data points one request could not store, by reason, with the first metric each reason hit:
 * what the partial-success response tells the sender.
 */
public final class Rejections {

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> firstMetric = new LinkedHashMap<>();
    private long total;

    void add(String reason, String metric, long points) {
        if (points <= 0) return;
        counts.computeIfAbsent(reason, r -> new long[1])[0] += points;
        firstMetric.putIfAbsent(reason, metric);
        total += points;
    }

    public long total() {
        return total;
    }

    /** e.g. {@code "3 data points rejected: 2 not finite (first in metric x); 1 summary unsupported (first in metric y)"}. */
    public String message() {
        if (total == 0) return "";
        StringBuilder sb = new StringBuilder().append(total).append(total == 1 ? " data point" : " data points").append(" rejected: ");
        String sep = "";
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()[0]).append(' ').append(e.getKey())
                    .append(" (first in metric ").append(firstMetric.get(e.getKey())).append(')');
            sep = "; ";
        }
        return sb.toString();
    }
}
