package dev.revisit.agent.instrumentation.rabbitmq;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local broker's {@code rabbitmqctl}, for tests that need users and permissions. Missing or
 * failing (not root, say), it skips the test on a developer's machine and fails it when
 * {@code CI=true}, where .ci/run starts the broker on this machine.
 */
final class Rabbitmqctl {
    private final Path binary;

    private Rabbitmqctl(Path binary) {
        this.binary = binary;
    }

    /** On the PATH or in Debian's {@code /usr/sbin}, which a non-root PATH often lacks. */
    static Rabbitmqctl require() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)), Stream.of("/usr/sbin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "rabbitmqctl"))
                .filter(Files::isExecutable)
                .findFirst().map(Rabbitmqctl::new)
                .orElseThrow(() -> unavailable("rabbitmqctl is not on the PATH nor in /usr/sbin (Debian: apt-get install rabbitmq-server)"));
    }

    void run(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-q"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw unavailable(String.join(" ", command) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw unavailable(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw unavailable(String.join(" ", command) + " could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(String.join(" ", command) + " interrupted", e);
        }
    }

    private static AssertionError unavailable(String message) {
        if ("true".equals(System.getenv("CI"))) {
            return new AssertionError(message + "; CI=true, so this is a failure");
        }
        Assumptions.abort(message);
        return new AssertionError("unreachable");
    }
}
