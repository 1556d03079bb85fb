package dev.revisit.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A command-line tool the tests run for real (promtool, prometheus, amtool, chromium). Missing, it
 * skips the test on a developer's machine but fails it in CI, where .ci/run installs it.
 */
public final class Tool {

    private final Path binary;

    private Tool(Path binary) {
        this.binary = binary;
    }

    /** The executable {@code name} on the PATH; {@code debianPackage} is what the message says installs it. */
    public static Tool require(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return new Tool(candidate);
            }
        }
        throw Required.missing(name + " is not on the PATH (Debian: apt-get install " + debianPackage + ")");
    }

    public Path binary() {
        return binary;
    }

    /** Runs the tool to completion; stdout and stderr together. */
    public Result run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String output) {}
}
