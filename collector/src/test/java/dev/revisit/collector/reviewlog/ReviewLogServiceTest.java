package dev.revisit.collector.reviewlog;

import static dev.revisit.collector.api.ServiceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.revisit.collector.api.ApiTest;
import dev.revisit.collector.api.BearerToken;
import dev.revisit.collector.api.ServiceFixture;
import dev.revisit.collector.api.ServiceOptions;
import dev.revisit.collector.engine.RunningCollector;
import dev.revisit.collector.verdict.Verdict;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The review log through the running service's API, the same tests on embedded H2 and on the
 * real PostgreSQL: a review resets review_due and survives a restart, the verdict history keeps
 * each transition once, findings are snoozed, and bad requests get a clear 4xx.
 */
class ReviewLogServiceTest {

    static final String TOKEN = "s3cret-token";

    @TempDir
    Path dir;

    static HttpResponse<String> post(URI uri, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return ServiceFixture.send(b);
    }

    static URI api(RunningCollector c, String path) {
        return c.uri().resolve("/api/v1/" + path);
    }

    private RunningCollector start(String url) throws Exception {
        return ServiceFixture.start(dir, new ServiceOptions(url, BearerToken.of(TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRecordedReviewResetsReviewDueAndSurvivesARestart(String kind) throws Exception {
        String url = Databases.fresh(kind, dir);
        try (RunningCollector collector = start(url)) {
            assertEquals("review_due", json(ServiceFixture.get(api(collector, "decisions/ADR-17")), 200).get("verdict").asText());
            JsonNode created = json(post(api(collector, "decisions/ADR-17/reviews"), TOKEN,
                    "{\"reviewer\":\"ana\",\"outcome\":\"kept\",\"note\":\"still right <b>\"}"), 201);
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), created.get("on").asText());
            JsonNode openApi = json(ServiceFixture.get(api(collector, "openapi.json")), 200);
            ApiTest.conforms(openApi, "Review", created);
            collector.verdicts().round();
            JsonNode after = json(ServiceFixture.get(api(collector, "decisions/ADR-17")), 200);
            assertEquals("holds", after.get("verdict").asText(), after.toString());
            assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString(), after.get("review_due").asText());
        }
        try (RunningCollector again = start(url)) {
            assertEquals(Verdict.HOLDS, again.verdicts().current().decisions().get(2).verdict(), "the review outlived the restart");
            JsonNode reviews = json(ServiceFixture.get(api(again, "decisions/ADR-17/reviews")), 200).get("reviews");
            assertEquals(1, reviews.size());
            assertEquals("ana", reviews.get(0).get("reviewer").asText());
            assertEquals("still right <b>", reviews.get(0).get("note").asText());
            assertEquals(1, json(ServiceFixture.get(api(again, "reviews")), 200).get("reviews").size());

            JsonNode historyBody = json(ServiceFixture.get(api(again, "decisions/ADR-17/history")), 200);
            ApiTest.conforms(json(ServiceFixture.get(api(again, "openapi.json")), 200), "History", historyBody);
            JsonNode history = historyBody.get("transitions");
            assertEquals(2, history.size(), "new → review_due, review_due → holds; the restart added none: " + history);
            assertTrue(history.get(0).get("from").isNull());
            assertEquals("review_due", history.get(0).get("to").asText());
            assertEquals("holds", history.get(1).get("to").asText());
            JsonNode lag = json(ServiceFixture.get(api(again, "decisions/ADR-15/history")), 200).get("transitions");
            assertEquals("review", lag.get(lag.size() - 1).get("to").asText());
            assertEquals(6000, lag.get(lag.size() - 1).get("evidence").get("assumptions").get(0).get("value").asDouble(), 1e-9,
                    "the evidence at the transition");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void findingsAreAcknowledgedOrSnoozed(String kind) throws Exception {
        try (RunningCollector collector = start(Databases.fresh(kind, dir))) {
            String until = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
            json(post(api(collector, "findings/ADR-16%231/acknowledgement"), TOKEN,
                    "{\"by\":\"bo\",\"note\":\"agent not deployed yet\",\"until\":\"" + until + "\"}"), 201);
            JsonNode findingsBody = json(ServiceFixture.get(api(collector, "findings")), 200);
            ApiTest.conforms(json(ServiceFixture.get(api(collector, "openapi.json")), 200), "Findings", findingsBody);
            JsonNode findings = findingsBody.get("findings");
            JsonNode noData = null;
            for (JsonNode f : findings) {
                if (f.get("id").asText().equals("ADR-16#1")) {
                    noData = f;
                }
                if (f.get("id").asText().equals("ADR-15#1")) {
                    assertTrue(!f.has("acknowledged"), "only the acknowledged finding is marked");
                }
            }
            assertEquals(until, noData.get("acknowledged").get("until").asText());
            assertEquals("bo", noData.get("acknowledged").get("by").asText());
            json(post(api(collector, "findings/ADR-16%239/acknowledgement"), TOKEN, "{\"by\":\"bo\"}"), 404);
            json(post(api(collector, "findings/ADR-16%231/acknowledgement"), TOKEN, "{\"by\":\"bo\",\"until\":\"2020-01-01\"}"), 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void badWritesAreRefusedAndNothingIsWritten(String kind) throws Exception {
        try (RunningCollector collector = start(Databases.fresh(kind, dir))) {
            URI reviews = api(collector, "decisions/ADR-17/reviews");
            String good = "{\"reviewer\":\"ana\",\"outcome\":\"kept\"}";
            assertEquals(401, post(reviews, null, good).statusCode(), "no token");
            assertEquals(401, post(reviews, "wrong", good).statusCode(), "wrong token");
            assertTrue(json(post(reviews, TOKEN, "{\"reviewer\": "), 400).get("error").get("message").asText().startsWith("malformed JSON"));
            assertEquals(400, post(reviews, TOKEN, "[1,2]").statusCode());
            assertTrue(json(post(reviews, TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"maybe\"}"), 400)
                    .get("error").get("message").asText().contains("kept, amended or superseded"));
            assertEquals(400, post(reviews, TOKEN, "{\"outcome\":\"kept\"}").statusCode(), "reviewer missing");
            assertEquals(400, post(reviews, TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"kept\",\"on\":\"yesterday\"}").statusCode());
            assertEquals(400, post(reviews, TOKEN, "{\"reviewer\":\"" + "x".repeat(201) + "\",\"outcome\":\"kept\"}").statusCode());
            // Repeated: a 413 sent while the rest of the body is unread used to be lost to a connection reset, now and then.
            for (int i = 0; i < 10; i++) {
                assertEquals(413, post(reviews, TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"kept\",\"note\":\"" + "x".repeat(70_000 + i * 50_000) + "\"}").statusCode());
            }
            assertEquals(404, post(api(collector, "decisions/ADR-99/reviews"), TOKEN, good).statusCode());
            assertEquals(0, json(ServiceFixture.get(api(collector, "reviews")), 200).get("reviews").size(), "nothing written");
            assertEquals(201, post(reviews, TOKEN, good).statusCode(), "and the good one still goes through");
        }
    }

    @Test
    void writesAreRefusedWithoutAConfiguredToken() throws Exception {
        try (RunningCollector collector = ServiceFixture.start(dir)) {
            assertEquals(403, post(api(collector, "decisions/ADR-17/reviews"), TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"kept\"}").statusCode());
        }
    }

    @Test
    void aDatabaseDownAtStartIsAClearStartupError() {
        ReviewLogUnavailableException e = assertThrows(ReviewLogUnavailableException.class,
                () -> ServiceFixture.start(dir, new ServiceOptions("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2&connectTimeout=2", BearerToken.of(TOKEN))));
        assertTrue(e.getMessage().startsWith("review log database jdbc:postgresql://127.0.0.1:1/test"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***") && !e.getMessage().contains("hunter2"), "the password is masked: " + e.getMessage());
    }

    @Test
    void aDatabaseGoingAwayMidRunRefusesReviewsWith503AndLosesNoHistory() throws Exception {
        String direct = Databases.fresh("postgresql", dir);
        try (TcpProxy proxy = new TcpProxy(5432)) {
            String viaProxy = direct.replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()) + "&connectTimeout=2&socketTimeout=5";
            try (RunningCollector collector = start(viaProxy)) {
                proxy.down();
                HttpResponse<String> refused = post(api(collector, "decisions/ADR-17/reviews"), TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"kept\"}");
                JsonNode error = json(refused, 503);
                assertTrue(error.get("error").get("message").asText().contains("nothing was written"), error.toString());

                ServiceFixture.pushLag(collector.uri(), 100); // ingest keeps working: lag falls to 300, ADR-15 holds again
                collector.verdicts().round();
                assertEquals("holds", json(ServiceFixture.get(api(collector, "decisions/ADR-15")), 200).get("verdict").asText());
                assertEquals(503, ServiceFixture.get(api(collector, "decisions/ADR-15/history")).statusCode());

                proxy.up();
                collector.verdicts().round(); // the transition waiting in memory is written now
                JsonNode history = json(ServiceFixture.get(api(collector, "decisions/ADR-15/history")), 200);
                JsonNode transitions = history.get("transitions");
                assertEquals("holds", transitions.get(transitions.size() - 1).get("to").asText(), history.toString());
                assertEquals(0, history.get("pending").asInt());
                assertEquals(201, post(api(collector, "decisions/ADR-17/reviews"), TOKEN, "{\"reviewer\":\"ana\",\"outcome\":\"kept\"}").statusCode());
            }
        }
    }
}
