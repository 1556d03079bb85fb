package dev.revisit.collector.catalog;

import java.util.List;
import java.util.Set;

/**
 * A derived signal an assumption may name: a documented computation over the signals contract's
 * metrics over a window, the same in the embedded store and as PromQL.
 *
 * @param name          the name used in decision files, e.g. {@code cache.hit_ratio}
 * @param unit          what the value measures, which decides how thresholds are written
 * @param areas         the decision areas it serves
 * @param description   one sentence: what it is
 * @param aggregation   how series and instances combine into one value
 * @param scopeKeys     the attributes a scope may pin
 * @param requiredScope the attributes a scope must pin (e.g. {@code api.version})
 * @param questions     review questions asked when the assumption is at risk or broken
 * @param promql        the equivalent PromQL
 * @param computation   the embedded computation
 */
public record Signal(String name, Unit unit, Set<Area> areas, String description, String aggregation,
                     Set<String> scopeKeys, Set<String> requiredScope, List<String> questions,
                     PromQl promql, Computation computation) {

    /** Resource attributes every signal's scope may pin. */
    public static final Set<String> RESOURCE_KEYS = Set.of("service.name", "service.namespace", "service.version",
            "service.instance.id", "deployment.environment.name", "deployment.environment", "host.name");

    public Bound bind(SeriesIndex index, Scope scope) {
        return computation.bind(index, scope);
    }

    /** The PromQL with {@code <scope>} and {@code <window>} placeholders, as the docs show it. */
    public String promqlTemplate() {
        return promql.render(PromQl.Selector.placeholder(), "<window>");
    }
}
