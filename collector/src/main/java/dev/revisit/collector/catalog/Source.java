package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MetricKind;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One metric a signal reads: the Revisit agent's own, or the equivalent that Micrometer or the
 * OpenTelemetry Java agent already export. Scopes are written with the signals contract's
 * attribute names; {@code keys} renames them to this metric's labels.
 *
 * @param metric    the OTLP metric name
 * @param kind      how the metric is stored
 * @param origin    who emits it, for the docs ("Revisit agent", "Micrometer", …)
 * @param keys      contract attribute → this metric's label; a key mapped to {@code ""} has no
 *                  equivalent here, so a scope that pins it skips this source
 * @param derived   contract attributes computed from other labels (e.g. the API version from the route)
 * @param toBase    factor from this metric's unit to the signal's (0.001 for Micrometer's milliseconds)
 * @param members   which series of the metric belong to this source at all (e.g. heap pools only)
 * @param selects   which series count as the ratio's numerator (hit, error, failure); all for other signals
 * @param note      what {@code members} and {@code selects} test, for the docs
 */
public record Source(String metric, MetricKind kind, String origin, Map<String, String> keys,
                     Map<String, Function<Labels, String>> derived, double toBase, Predicate<Labels> members,
                     Predicate<Labels> selects, String note) {

    public static Source of(String metric, MetricKind kind, String origin) {
        return new Source(metric, kind, origin, Map.of(), Map.of(), 1.0, labels -> true, labels -> true, "");
    }

    public Source only(String what, Predicate<Labels> belong) {
        return new Source(metric, kind, origin, keys, derived, toBase, belong, selects, what);
    }

    public Source keys(Map<String, String> renamed) {
        return new Source(metric, kind, origin, renamed, derived, toBase, members, selects, note);
    }

    public Source derive(String key, Function<Labels, String> reader) {
        return new Source(metric, kind, origin, keys, Map.of(key, reader), toBase, members, selects, note);
    }

    public Source milliseconds() {
        return new Source(metric, kind, origin, keys, derived, 0.001, members, selects, note);
    }

    public Source selecting(String what, Predicate<Labels> numerator) {
        return new Source(metric, kind, origin, keys, derived, toBase, members, numerator, what);
    }

    /** Whether this metric can carry the contract attribute {@code key}. */
    public boolean has(String key) {
        return derived.containsKey(key) || !"".equals(keys.get(key));
    }

    /** The value of contract attribute {@code key} on a series of this metric, or null. */
    public String value(Labels labels, String key) {
        Function<Labels, String> reader = derived.get(key);
        if (reader != null) {
            return reader.apply(labels);
        }
        return labels.get(keys.getOrDefault(key, key));
    }
}
