package dev.revisit.collector.report;

import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Signal;
import dev.revisit.collector.catalog.Source;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The catalog's reference in Markdown, generated from the definitions themselves: docs/signals.md
 * embeds it, and a test fails when the two differ ({@code revisit-collector signals} prints it).
 */
public final class SignalsReference {

    private SignalsReference() {}

    public static String render(Catalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("| signal | unit | areas | what |\n|---|---|---|---|\n");
        for (Signal s : catalog.signals()) {
            md.append("| [`").append(s.name()).append("`](#").append(s.name().replace(".", ""))
                    .append(") | ").append(s.unit().ucum()).append(" | ").append(areas(s)).append(" | ")
                    .append(s.description()).append(" |\n");
        }
        for (Signal s : catalog.signals()) {
            md.append("\n### ").append(s.name()).append("\n\n");
            md.append(s.description()).append(" Unit `").append(s.unit().ucum()).append("`; thresholds take ")
                    .append(s.unit().thresholdHint()).append(". Areas: ").append(areas(s)).append(".\n\n");
            md.append("- **Computed** (embedded store): ").append(s.aggregation()).append(".\n");
            md.append("- **PromQL**: `").append(s.promqlTemplate()).append("`\n");
            TreeSet<String> own = new TreeSet<>(s.scopeKeys());
            boolean resource = own.removeAll(Signal.RESOURCE_KEYS);
            md.append("- **Scope keys**: ").append(resource ? "the resource attributes" + (own.isEmpty() ? "" : ", ") : "")
                    .append(own.stream().map(k -> "`" + k + "`" + (s.requiredScope().contains(k) ? " (required)" : ""))
                            .collect(Collectors.joining(", "))).append("\n");
            if (!s.computation().sources().isEmpty()) {
                md.append("- **Reads**, per service the first with data:\n\n");
                md.append("  | metric | type | from | attribute names | counts | unit |\n  |---|---|---|---|---|---|\n");
                for (Source src : s.computation().sources()) {
                    md.append("  | `").append(src.metric()).append("` | ").append(src.kind().name().toLowerCase(java.util.Locale.ROOT))
                            .append(" | ").append(src.origin()).append(" | ").append(renames(src)).append(" | ")
                            .append(src.note().isEmpty() ? "all" : src.note()).append(" | ").append(src.toBase() == 1.0 ? "as is" : "ms → s").append(" |\n");
                }
                md.append("\n");
            } else {
                md.append("- **Reads**: the other assumptions' verdicts (no metric).\n\n");
            }
            md.append("- **Review questions**:\n");
            s.questions().forEach(q -> md.append("  - ").append(q).append("\n"));
        }
        return md.toString();
    }

    private static String areas(Signal s) {
        return s.areas().stream().sorted().map(Area::key).collect(Collectors.joining(", "));
    }

    private static String renames(Source src) {
        Map<String, String> renamed = new TreeMap<>(src.keys());
        if (renamed.isEmpty() && src.derived().isEmpty()) {
            return "the contract's";
        }
        StringBuilder out = new StringBuilder();
        renamed.forEach((contract, own) -> {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append('`').append(contract).append("` → ").append(own.isEmpty() ? "none" : "`" + own + "`");
        });
        src.derived().keySet().forEach(k -> out.append(out.length() > 0 ? ", " : "").append('`').append(k).append("` derived"));
        return out.toString();
    }
}
