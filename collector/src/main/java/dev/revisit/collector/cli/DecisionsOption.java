package dev.revisit.collector.cli;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.DecisionsException;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.decisions.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the decisions file for a command, printing every mistake as {@code file:line:col: message}. */
final class DecisionsOption {

    private DecisionsOption() {}

    /** The file, or null after printing why not; {@code exit[0]} gets the exit code then. */
    static DecisionsFile load(Path path, PrintWriter err, int[] exit) {
        if (!Files.isRegularFile(path)) {
            err.println(path + ": no such file");
            exit[0] = Main.USAGE;
            return null;
        }
        try {
            return new DecisionsReader(Catalog.builtIn()).read(path);
        } catch (DecisionsException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " mistake" : " mistakes") + " in " + path);
            exit[0] = Main.MISTAKES;
            return null;
        } catch (IOException e) {
            err.println(path + ": cannot read: " + e.getMessage());
            exit[0] = Main.MISTAKES;
            return null;
        }
    }
}
