package dev.revisit.collector.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.revisit.collector.api.BearerToken;
import dev.revisit.collector.api.ServiceFixture;
import dev.revisit.collector.api.ServiceOptions;
import dev.revisit.collector.engine.RunningCollector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdict transitions posted to a real local HTTP receiver: Alertmanager's version 4 body and a
 * Slack-compatible one, a failed delivery retried with the same idempotency key, and exactly one
 * notification per transition.
 */
class WebhookNotifierTest {

    @TempDir
    Path dir;

    record Received(String path, String key, JsonNode body) {}

    @Test
    void aTransitionIsPostedOnceInBothFormatsAfterARetry() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<String> refusedKeys = new CopyOnWriteArrayList<>();
        AtomicBoolean refuseFirstResolved = new AtomicBoolean(true);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int status = 200;
            if (exchange.getRequestURI().getPath().equals("/am") && body.contains("\"resolved\"") && refuseFirstResolved.getAndSet(false)) {
                status = 503; // the receiver is briefly unwell: this delivery must be retried
                refusedKeys.add(key);
            } else {
                received.add(new Received(exchange.getRequestURI().getPath(), key, ServiceFixture.JSON.readTree(body)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        URI base = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort());
        try (RunningCollector collector = ServiceFixture.start(dir, new ServiceOptions(null, BearerToken.NONE,
                List.of(new Webhook(base.resolve("/am"), Webhook.Format.ALERTMANAGER), new Webhook(base.resolve("/slack"), Webhook.Format.SLACK))))) {
            Thread.sleep(1500); // deliveries from the start-up rounds, if any, settle before the baseline
            int baseline = received.size();

            ServiceFixture.pushLag(collector.uri(), 100); // 300 in all: ADR-15 holds again
            collector.verdicts().round();
            collector.verdicts().round(); // no change: nothing more to send
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (received.size() < baseline + 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // room for a duplicate to show up, were there one
            List<Received> fresh = received.subList(baseline, received.size());
            assertEquals(2, fresh.size(), "one per receiver: " + fresh);

            Received am = fresh.stream().filter(r -> r.path().equals("/am")).findFirst().orElseThrow();
            assertEquals(List.of(am.key()), refusedKeys, "the retry carried the refused delivery's key");
            JsonNode body = am.body();
            assertEquals("4", body.get("version").asText());
            assertEquals("resolved", body.get("status").asText());
            assertEquals("{}:{decision=\"ADR-15\"}", body.get("groupKey").asText());
            JsonNode alert = body.get("alerts").get(0);
            assertEquals("resolved", alert.get("status").asText());
            assertEquals("ADR-15", alert.get("labels").get("decision").asText());
            assertEquals("holds", alert.get("labels").get("verdict").asText());
            assertEquals("team-orders", alert.get("labels").get("owner").asText());
            assertEquals("review", alert.get("annotations").get("previous_verdict").asText());
            assertEquals("https://example.com/adr/15", alert.get("annotations").get("runbook_url").asText());
            assertEquals(collector.uri() + "/decisions/ADR-15", alert.get("generatorURL").asText());
            assertTrue(alert.get("startsAt").asText().endsWith("Z"));

            Received slack = fresh.stream().filter(r -> r.path().equals("/slack")).findFirst().orElseThrow();
            String text = slack.body().get("text").asText();
            assertTrue(text.contains("ADR-15") && text.contains("review → holds"), text);
        } finally {
            receiver.stop(0);
        }
    }
}
