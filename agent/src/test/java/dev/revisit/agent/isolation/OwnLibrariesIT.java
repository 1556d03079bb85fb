package dev.revisit.agent.isolation;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.testapp.isolation.OwnLibraries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's Byte Buddy and OpenTelemetry are shaded and relocated: an app with its own, older ones is unaffected. */
class OwnLibrariesIT {

    @Test
    void appWithItsOwnByteBuddyAndOpenTelemetryApiKeepsWorking() throws IOException {
        Path libs = Path.of(System.getProperty("revisit.isolation.libs", "target/isolation-libs"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(libs)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertEquals(3, jars.size(), jars.toString());

        AgentHarness.Builder bare = AgentHarness.builder(OwnLibraries.class).withoutAgent();
        AgentHarness.Builder instrumented = AgentHarness.builder(OwnLibraries.class);
        jars.forEach(jar -> {
            bare.classpath(jar);
            instrumented.classpath(jar);
        });
        AgentRun without = bare.run().assertSucceeded();
        AgentRun with = instrumented.run().assertSucceeded();

        assertEquals(without.stdout(), with.stdout());
        assertTrue(with.stdout().contains("made by the app's own Byte Buddy"), with.stdout());
        assertTrue(with.stdout().contains("byte-buddy from byte-buddy-1.14."), with.stdout());
        assertTrue(with.stdout().contains("opentelemetry-api from opentelemetry-api-1.62."), with.stdout());
        assertTrue(with.stdout().contains("rows 0"), with.stdout());
        assertEquals(1, with.otlp().metric("db.client.operation.duration")
                .withAttr("db.operation.name", "SELECT").withAttr("db.collection.name", "t").count());
    }
}
