package dev.revisit.bench.agent.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built agent is: {@code -Drevisit.agent.jar=...}, else {@code agent/target/revisit-agent.jar} above the working directory. */
final class AgentJar {
    static final String PROPERTY = "revisit.agent.jar";
    private static final Path RELATIVE = Path.of("agent", "target", "revisit-agent.jar");

    private AgentJar() {}

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return existing(Path.of(configured).toAbsolutePath());
        }
        // Run from the repository root or from bench/: walk up until the jar is found.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE + " in or above " + Path.of("").toAbsolutePath()
                + "; build it (mvn -q -B -DskipTests -pl agent -am package) or pass -D" + PROPERTY + "=<path>");
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(PROPERTY + "=" + jar + " is not a file");
        }
        return jar;
    }
}
