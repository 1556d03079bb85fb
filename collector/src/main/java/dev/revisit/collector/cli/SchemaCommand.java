package dev.revisit.collector.cli;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code schema}: prints the decisions file's JSON Schema (the source of docs/schema/decisions.schema.json). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of decisions files, for editors.")
final class SchemaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(DecisionsSchema.render(Catalog.builtIn()));
        spec.commandLine().getOut().flush();
    }
}
