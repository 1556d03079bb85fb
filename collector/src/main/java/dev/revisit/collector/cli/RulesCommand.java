package dev.revisit.collector.cli;

import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.rules.RulesExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules decisions.yaml [-o file]}: the decisions as Prometheus rule groups, for a store's own ruler. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Writes the decisions as Prometheus rule groups: a recording rule per assumption "
                + "(assumption:<signal>:<window>) and alerts that flag a decision for review "
                + "(RevisitAssumptionBroken) or an assumption that cannot be checked (RevisitAssumptionNoData).",
                "Load them into Prometheus, the Mimir or Thanos ruler, or vmalert. See docs/rules.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rules written", "1:the decisions file has mistakes, or the output cannot be written",
                "2:usage error or no such file"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the decisions file (YAML)")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "RULES_FILE", description = "write here instead of stdout")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        int[] exit = {Main.OK};
        DecisionsFile decisions = DecisionsOption.load(file, err, exit);
        if (decisions == null) {
            err.flush();
            return exit[0];
        }
        String rules = RulesExport.render(decisions);
        if (output == null) {
            spec.commandLine().getOut().print(rules);
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        try {
            Files.writeString(output, rules, StandardCharsets.UTF_8);
            return Main.OK;
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            err.flush();
            return Main.MISTAKES;
        }
    }
}
