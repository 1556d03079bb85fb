package dev.revisit.collector.cli;

import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.report.ReviewReport;
import dev.revisit.collector.report.VerdictTable;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the Markdown review pack for an architecture review. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes a Markdown review pack: each decision, its rationale, verdict, evidence and questions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written", "1:the decisions file has mistakes, or the store or output cannot be used",
                "2:usage error"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", required = true, paramLabel = "FILE", description = "the decisions file")
    Path decisions;

    @Mixin
    StoreOptions store;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "where to write the Markdown")
    Path output;

    @Option(names = "--at", paramLabel = "TIME", converter = StoreOptions.InstantConverter.class,
            description = "evaluate as of this instant (ISO-8601; default now)")
    Instant at;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int[] exit = {Main.OK};
        DecisionsFile file = DecisionsOption.load(decisions, err, exit);
        if (file == null) {
            err.flush();
            return exit[0];
        }
        try {
            Evaluation evaluation = Evaluator.evaluate(file, store.readExisting(), at == null ? Instant.now() : at);
            Files.writeString(output, ReviewReport.render(evaluation, decisions.toString()));
            spec.commandLine().getOut().println("wrote " + output + ": " + VerdictTable.summary(evaluation));
            spec.commandLine().getOut().flush();
            return Main.OK;
        } catch (IOException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.MISTAKES;
        }
    }
}
