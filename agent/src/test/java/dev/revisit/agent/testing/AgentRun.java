package dev.revisit.agent.testing;

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

    /** The agent's own log lines. */
    public List<String> agentLog() {
        return stderr.lines().filter(l -> l.startsWith("[revisit]")).toList();
    }
}
