package dev.revisit.collector.cli;

import dev.revisit.collector.decisions.DecisionsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check decisions.yaml}: validates a decisions file; a CI step. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a decisions file and prints every mistake as file:line:column: message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file is valid", "1:the file has mistakes", "2:usage error or no such file"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the decisions file (YAML)")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] exit = {Main.OK};
        // mistakes go to stdout: they are this command's output, e.g. for a CI annotation step
        DecisionsFile decisions = DecisionsOption.load(file, out, exit);
        if (decisions != null) {
            out.println(file + ": " + decisions.decisions().size() + " decisions, " + decisions.assumptionCount()
                    + " assumptions, no mistakes");
        }
        out.flush();
        return exit[0];
    }
}
