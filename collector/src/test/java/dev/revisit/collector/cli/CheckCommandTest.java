package dev.revisit.collector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aValidFileExitsZero() {
        assertEquals(Main.OK, run("check", "../examples/decisions/decisions.yaml"));
        assertTrue(out.toString().contains("6 decisions, 11 assumptions, no mistakes"), out.toString());
    }

    @Test
    void mistakesArePrintedAsFileLineColumnAndExitOne() {
        assertEquals(Main.MISTAKES, run("check", "src/test/resources/decisions/broken.yaml"));
        String[] lines = out.toString().split("\n");
        assertEquals("src/test/resources/decisions/broken.yaml:4:11: unknown area 'cachin' (did you mean 'caching'?); "
                + "areas are api, storage, async, auth, caching, observability, deployment", lines[0]);
        assertEquals("18 mistakes in src/test/resources/decisions/broken.yaml", lines[lines.length - 1]);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(Main.USAGE, run("check", "no/such/file.yaml"));
        assertEquals(Main.USAGE, run("check"));
        assertEquals(Main.USAGE, run("check", "--frobnicate", "x.yaml"));
    }
}
