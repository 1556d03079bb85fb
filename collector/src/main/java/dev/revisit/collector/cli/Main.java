package dev.revisit.collector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar revisit-collector.jar <command>}. Exit codes, the same for every command:
 * 0 all is well, 1 the decisions file has mistakes (or the command failed), 2 usage error,
 * 3 a decision warrants review ({@code evaluate}).
 */
@Command(name = "revisit-collector", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Holds runtime signals against your declared architecture decisions.",
        subcommands = {CheckCommand.class, EvaluateCommand.class, ReportCommand.class, ServeCommand.class,
                SignalsCommand.class, SchemaCommand.class, RulesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all is well", "1:the decisions file has mistakes, or the command failed",
                "2:usage error (unknown option, missing file)", "3:a decision warrants review (evaluate)"})
public final class Main {

    public static final int OK = 0;
    public static final int MISTAKES = 1;
    public static final int USAGE = 2;
    public static final int REVIEW = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code, without exiting (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"revisit-collector " + (v == null ? "dev" : v)};
        }
    }
}
