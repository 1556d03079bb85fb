package dev.revisit.collector.metrics;

import dev.revisit.collector.catalog.Scope;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.verdict.AssumptionVerdict;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The per-decision and per-assumption gauges, with exactly the names and labels
 * dashboards/README.md promises. Rows are replaced each round, so a decision removed from the
 * file disappears from the scrape.
 *
 * <p>Prometheus (and Micrometer's registry) want one label set per metric name, but the
 * resource labels {@code service_name} / {@code deployment_environment_name} exist only when
 * the scope pins them: they are always present and empty otherwise, which Prometheus stores as
 * absent.
 */
final class DecisionGauges {

    private final MultiGauge info;
    private final MultiGauge verdict;
    private final MultiGauge value;
    private final MultiGauge threshold;
    private final MultiGauge hasData;

    DecisionGauges(MeterRegistry registry) {
        info = MultiGauge.builder("revisit.decision.info").description("a declared decision; always 1").register(registry);
        verdict = MultiGauge.builder("revisit.decision.verdict")
                .description("1 for the decision's current verdict, 0 for the others").register(registry);
        value = MultiGauge.builder("revisit.assumption.value")
                .description("the assumption's signal over its window, in the base unit; absent without data").register(registry);
        threshold = MultiGauge.builder("revisit.assumption.threshold")
                .description("the assumption's threshold in the signal's base unit").register(registry);
        hasData = MultiGauge.builder("revisit.assumption.has_data")
                .description("1 when the assumption has data, else 0").register(registry);
    }

    void update(Evaluation evaluation) {
        List<MultiGauge.Row<?>> infos = new ArrayList<>();
        List<MultiGauge.Row<?>> verdicts = new ArrayList<>();
        List<MultiGauge.Row<?>> values = new ArrayList<>();
        List<MultiGauge.Row<?>> thresholds = new ArrayList<>();
        List<MultiGauge.Row<?>> data = new ArrayList<>();
        for (DecisionVerdict d : evaluation.decisions()) {
            Decision decision = d.decision();
            String area = decision.area().key();
            infos.add(MultiGauge.Row.of(Tags.of("decision", decision.id(), "area", area, "owner", nonNull(decision.owner()),
                    "title", nonNull(decision.title()), "link", nonNull(decision.link())), 1));
            for (Verdict v : Verdict.values()) {
                verdicts.add(MultiGauge.Row.of(Tags.of("decision", decision.id(), "area", area, "verdict", v.key()),
                        v == d.verdict() ? 1 : 0));
            }
            for (int i = 0; i < d.assumptions().size(); i++) {
                AssumptionVerdict a = d.assumptions().get(i);
                Tags tags = assumptionTags(decision, i + 1, a.assumption());
                if (!Double.isNaN(a.value()) && !Double.isInfinite(a.value())) {
                    values.add(MultiGauge.Row.of(tags, a.value()));
                }
                boolean has = a.verdict() != Verdict.NO_DATA;
                data.add(MultiGauge.Row.of(tags, has ? 1 : 0));
                thresholds.add(MultiGauge.Row.of(tags.and("comparison", a.assumption().expect().comparison().symbol(),
                        "expect", a.assumption().expect().text()), a.assumption().expect().value()));
            }
        }
        info.register(infos, true);
        verdict.register(verdicts, true);
        value.register(values, true);
        threshold.register(thresholds, true);
        hasData.register(data, true);
    }

    static Tags assumptionTags(Decision decision, int position, Assumption a) {
        return Tags.of("decision", decision.id(), "area", decision.area().key(), "signal", a.signal().name(),
                "assumption", Integer.toString(position), "scope", scopeLabel(a.scope()),
                "service_name", nonNull(a.scope().exact("service.name")),
                "deployment_environment_name", nonNull(environment(a.scope())));
    }

    /** The environment a scope pins, under either name: the older {@code deployment.environment} when the newer is not pinned. */
    private static String environment(Scope scope) {
        String current = scope.exact("deployment.environment.name");
        return current != null ? current : scope.exact("deployment.environment");
    }

    /** {@code key=value} pairs, keys sorted, comma-separated; empty for no scope. */
    static String scopeLabel(Scope scope) {
        return new TreeMap<>(scope.patterns()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
