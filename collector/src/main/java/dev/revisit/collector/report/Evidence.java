package dev.revisit.collector.report;

import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.verdict.AssumptionVerdict;
import java.util.stream.Collectors;

/** How one assumption's evidence reads in every output format. */
final class Evidence {

    private Evidence() {}

    static String scope(Assumption a) {
        if (a.scope().patterns().isEmpty()) {
            return "everything";
        }
        return a.scope().patterns().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String measured(AssumptionVerdict v) {
        return v.assumption().signal().unit().format(v.value());
    }

    static String trend(AssumptionVerdict v) {
        if (Double.isNaN(v.slopePerDay())) {
            return "—";
        }
        String s = v.assumption().signal().unit().format(v.slopePerDay());
        return (v.slopePerDay() > 0 ? "+" : "") + s + "/day";
    }

    static String since(AssumptionVerdict v) {
        return v.since() == null ? "—" : v.since().toString();
    }

    static String window(Assumption a) {
        return Durations.format(a.window());
    }

    static String sustain(Assumption a) {
        return Durations.format(a.sustain());
    }

    static String promql(Assumption a) {
        return a.signal().promql().render(PromQl.Selector.of(a.scope()), window(a));
    }
}
