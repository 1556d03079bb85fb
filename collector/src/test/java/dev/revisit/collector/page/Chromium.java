package dev.revisit.collector.page;

import dev.revisit.testsupport.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Debian's headless Chromium, run once per page: the rendered DOM or a screenshot. Missing, it
 * skips the test locally and fails it in CI (where .ci/run installs it).
 */
final class Chromium {

    private final Path binary;
    private final Path profiles;

    private Chromium(Path binary, Path profiles) {
        this.binary = binary;
        this.profiles = profiles;
    }

    static Chromium require(Path tempDir) {
        return new Chromium(Tool.require("chromium", "chromium").binary(), tempDir);
    }

    /** The DOM after the page rendered, serialised. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run("--dump-dom", url);
    }

    void screenshot(String url, Path png) throws IOException, InterruptedException {
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", url);
        Assertions.assertTrue(Files.size(png) > 1000, "screenshot written: " + png);
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("chromium did not finish in 60 s");
        }
        Assertions.assertEquals(0, process.exitValue(), "chromium " + String.join(" ", args));
        return new String(out, StandardCharsets.UTF_8);
    }
}
