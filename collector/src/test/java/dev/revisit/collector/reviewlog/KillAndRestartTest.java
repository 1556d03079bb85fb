package dev.revisit.collector.reviewlog;

import static dev.revisit.collector.api.ServiceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revisit.collector.api.ServiceFixture;
import dev.revisit.testsupport.FreePort;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve} as its own process: push OTLP, read the verdicts, record a review, {@code kill -9}
 * it, start it again and find the review (and its effect on the calendar) and the signals still
 * there, on embedded H2 and on PostgreSQL.
 */
class KillAndRestartTest {

    @TempDir
    Path dir;

    private Process serve(String database, int port) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), ReviewLogServiceTest.TOKEN + "\n");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.revisit.collector.cli.Main", "serve",
                "--decisions", ServiceFixture.decisionsFile(dir).toString(), "--data-dir", dir.resolve("data").toString(),
                "--port", Integer.toString(port), "--interval", "1s", "--api-token-file", token.toString()));
        if (database != null) {
            command.add("--database");
            command.add(database);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        URI decisions = URI.create("http://127.0.0.1:" + port + "/api/v1/decisions");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), () -> "serve exited: " + log());
            try {
                if (ServiceFixture.get(decisions).statusCode() == 200) {
                    return p;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("serve did not answer in 60 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("serve.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static JsonNode decision(int port, String id) throws Exception {
        return json(ServiceFixture.get(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions/" + id)), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReviewAndTheSignalsSurviveKillMinus9(String kind) throws Exception {
        String database = kind.equals("h2") ? null : Databases.fresh(kind, dir);
        int port = FreePort.pick();
        Process first = serve(database, port);
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            ServiceFixture.pushLag(base, 2000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!decision(port, "ADR-15").get("verdict").asText().equals("review") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals("review", decision(port, "ADR-15").get("verdict").asText());
            HttpResponse<String> review = ReviewLogServiceTest.post(base.resolve("/api/v1/decisions/ADR-17/reviews"),
                    ReviewLogServiceTest.TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"amended\",\"note\":\"moved to ECS\"}");
            assertEquals(201, review.statusCode(), review.body());
            Thread.sleep(2500); // the store flushes every second; the review was durable on its 201
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }
        Process second = serve(database, port);
        try {
            JsonNode adr17 = decision(port, "ADR-17");
            assertEquals("holds", adr17.get("verdict").asText(), "the review still resets review_due: " + adr17);
            JsonNode reviews = json(ServiceFixture.get(URI.create("http://127.0.0.1:" + port + "/api/v1/decisions/ADR-17/reviews")), 200);
            assertEquals("amended", reviews.get("reviews").get(0).get("outcome").asText());
            assertEquals(6000, decision(port, "ADR-15").get("assumptions").get(0).get("value").asDouble(), 1e-9,
                    "the pushed lag outlived the kill");
        } finally {
            second.destroy();
            second.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
