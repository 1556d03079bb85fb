package dev.revisit.collector.rules;

import java.util.Locale;

/**
 * Names of generated rules. Recording rules follow Prometheus' {@code level:metric:operations}
 * convention: the level is {@code assumption} (one series per declared assumption, told apart by
 * its {@code decision} and {@code assumption} labels), the metric is the catalog signal, and the
 * operation is the window it is computed over, e.g. {@code assumption:cache_hit_ratio:1h}.
 */
final class RuleNames {

    static final String BROKEN_ALERT = "RevisitAssumptionBroken";
    static final String NO_DATA_ALERT = "RevisitAssumptionNoData";

    private RuleNames() {}

    static String recording(String signal, String window) {
        return "assumption:" + metricPart(signal) + ":" + window;
    }

    /** A signal name such as {@code db.latency.p99} as a metric-name part: {@code db_latency_p99}. */
    static String metricPart(String signal) {
        return signal.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** A string as a PromQL double-quoted string literal. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
