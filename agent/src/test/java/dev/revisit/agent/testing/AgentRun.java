package dev.revisit.agent.testing;

import java.util.Arrays;
import java.util.List;

/** The outcome of one child JVM run: exit code, output, and what the agent exported. */
public record AgentRun(int exitCode, String stdout, String stderr, ExportedMetrics otlp, PrometheusScrape prometheus, String scrapeError, List<String> command) {

    /** Fails with the child's output when it did not exit cleanly. */
    public AgentRun assertSucceeded() {
        if (exitCode != 0 || scrapeError != null) {
            throw new AssertionError((scrapeError != null ? scrapeError : "child JVM exited with " + exitCode)
                    + "\ncommand: " + String.join(" ", command) + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
        return this;
    }

    /** The scrape taken after the program's main returned (builder's {@code prometheus()}). */
    @Override
    public PrometheusScrape prometheus() {
        if (prometheus == null) {
            throw new AssertionError(scrapeError != null ? scrapeError : "no scrape: ask the builder for prometheus()");
        }
        return prometheus;
    }

    /**
     * The numbers on the program's first stdout line that starts with {@code key} and a space
     * ({@code "consumed pull 600 18000"} → {@code line("consumed pull")} = {600, 18000}); fails
     * with the program's output when there is none.
     */
    public long[] line(String key) {
        return stdout.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> Arrays.stream(l.substring(key.length() + 1).split(" ")).mapToLong(Long::parseLong).toArray())
                .orElseThrow(() -> new AssertionError("no line '" + key + "' in\n" + stdout + "\n" + stderr));
    }

    /**
     * The agent's warnings, but for its exporter's own ("OTLP export … timed out" when the test's
     * receiver was slow on a loaded machine): what the agent has to say about the application.
     */
    public List<String> warnings() {
        return agentLog().stream().filter(l -> l.startsWith("[revisit] WARN") && !l.startsWith("[revisit] WARN OTLP export")).toList();
    }

    /** The agent's own log lines. */
    public List<String> agentLog() {
        return stderr.lines().filter(l -> l.startsWith("[revisit]")).toList();
    }
}
