package dev.revisit.collector.cli;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.report.SignalsReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code signals}: prints the signal catalog's reference (Markdown), as docs/signals.md embeds it. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = "Prints the catalog of signals an assumption may name: computation, PromQL, accepted metrics.")
final class SignalsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(SignalsReference.render(Catalog.builtIn()));
        spec.commandLine().getOut().flush();
    }
}
