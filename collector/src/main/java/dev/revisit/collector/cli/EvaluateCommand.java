package dev.revisit.collector.cli;

import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.prometheus.PrometheusSource;
import dev.revisit.collector.report.VerdictJson;
import dev.revisit.collector.report.VerdictTable;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: one round over the persisted store; exits 3 when a decision warrants review. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates every decision once over the persisted store, or a Prometheus-compatible query API "
                + "(--source prometheus), and prints the verdicts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no decision reaches the --fail-on verdict", "1:the decisions file has mistakes, or the store cannot be read",
                "2:usage error", "3:a decision reaches the --fail-on verdict (by default: review or review_due)"})
final class EvaluateCommand implements Callable<Integer> {

    enum Format { TABLE, JSON }

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", required = true, paramLabel = "FILE", description = "the decisions file")
    Path decisions;

    @Mixin
    StoreOptions store;

    @Mixin
    SourceOptions sources;

    @Option(names = "--at", paramLabel = "TIME", converter = StoreOptions.InstantConverter.class,
            description = "evaluate as of this instant (ISO-8601, e.g. 2026-11-25T16:00:00Z; default now)")
    Instant at;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE})")
    String format = "table";

    @Option(names = "--fail-on", paramLabel = "VERDICT",
            description = "exit 3 when any decision is at least this urgent: no_data, at_risk, review_due or review "
                    + "(default: ${DEFAULT-VALUE})")
    String failOn = "review_due";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verdict threshold;
        Format chosen;
        try {
            threshold = Verdict.valueOf(failOn.toUpperCase(Locale.ROOT));
            chosen = Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("--fail-on takes no_data, at_risk, review_due or review; --format takes table or json");
            err.flush();
            return Main.USAGE;
        }
        String sourceProblem = sources.problem();
        if (sourceProblem != null) {
            err.println(sourceProblem);
            err.flush();
            return Main.USAGE;
        }
        int[] exit = {Main.OK};
        DecisionsFile file = DecisionsOption.load(decisions, err, exit);
        if (file == null) {
            err.flush();
            return exit[0];
        }
        Evaluation evaluation;
        Instant when = at == null ? Instant.now() : at;
        if (sources.prometheus()) {
            try (PrometheusSource source = sources.open()) {
                evaluation = Evaluator.evaluate(file, source, when);
            } catch (IOException | IllegalArgumentException e) {
                err.println(e.getMessage());
                err.flush();
                return Main.USAGE;
            }
        } else {
            try {
                evaluation = Evaluator.evaluate(file, store.readExisting(), when);
            } catch (IOException e) {
                err.println(e.getMessage());
                err.flush();
                return Main.MISTAKES;
            }
        }
        if (chosen == Format.JSON) {
            out.print(VerdictJson.render(evaluation));
            out.flush();
        } else {
            VerdictTable.print(evaluation, out);
        }
        for (DecisionVerdict d : evaluation.decisions()) {
            if (d.verdict().compareTo(threshold) >= 0) {
                return Main.REVIEW;
            }
        }
        return Main.OK;
    }
}
