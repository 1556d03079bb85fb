package dev.revisit.collector.api;

import static dev.revisit.collector.api.ServiceFixture.get;
import static dev.revisit.collector.api.ServiceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.revisit.collector.engine.RunningCollector;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over HTTP against a running collector, each answer checked against the served OpenAPI. */
public class ApiTest {

    @TempDir
    static Path dir;
    static RunningCollector collector;
    static JsonNode openApi;

    @BeforeAll
    static void start() throws Exception {
        collector = ServiceFixture.start(dir);
        openApi = json(get(api("openapi.json")), 200);
    }

    @AfterAll
    static void stop() throws Exception {
        collector.close();
    }

    static URI api(String path) {
        return collector.uri().resolve("/api/v1/" + path);
    }

    /** Validates {@code body} against one of the OpenAPI document's component schemas. */
    public static void conforms(JsonNode openApi, String component, JsonNode body) throws Exception {
        ObjectNode schema = ServiceFixture.JSON.createObjectNode();
        schema.put("$ref", "#/components/schemas/" + component);
        schema.set("components", openApi.get("components"));
        List<?> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema.toString(), InputFormat.JSON).validate(body.toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), component + ": " + errors + " in " + body);
    }

    static void conforms(String component, JsonNode body) throws Exception {
        conforms(openApi, component, body);
    }

    @Test
    void decisionsCarryVerdictsAndEvidenceFromPushedSignals() throws Exception {
        JsonNode body = json(get(api("decisions")), 200);
        conforms("Decisions", body);
        assertTrue(body.get("warrants_review").asBoolean());
        List<String> verdicts = new ArrayList<>();
        body.get("decisions").forEach(d -> verdicts.add(d.get("id").asText() + "=" + d.get("verdict").asText()));
        assertEquals(List.of("ADR-15=review", "ADR-16=no_data", "ADR-17=review_due"), verdicts);
        JsonNode lag = body.get("decisions").get(0).get("assumptions").get(0);
        assertEquals(6000, lag.get("value").asDouble(), 1e-9, "three partitions of 2000");
        assertEquals(1000, lag.get("threshold").asDouble(), 1e-9);
        assertEquals("< 1000", lag.get("expect").asText());
        assertEquals("billing", lag.get("scope").get("service.name").asText());
        assertTrue(body.get("decisions").get(1).get("assumptions").get(0).get("value").isNull(), "no data is null");
        assertEquals(1, body.get("counts").get("review").asInt());
        assertEquals(0, body.get("counts").get("holds").asInt(), "nothing holds");
    }

    @Test
    void oneDecisionByIdAndUnknownIdsAre404() throws Exception {
        JsonNode one = json(get(api("decisions/ADR-15")), 200);
        conforms("Decision", one);
        assertEquals("team-orders", one.get("owner").asText());
        assertEquals("Billing must not slow down checkout.", one.get("rationale").asText());
        assertEquals("review", one.get("verdict").asText());

        JsonNode missing = json(get(api("decisions/ADR-99")), 404);
        conforms("Error", missing);
        assertTrue(missing.get("error").get("message").asText().contains("ADR-99"));
        json(get(api("decisions/ADR-15/extra")), 404);
        json(get(api("decisions/%3Cscript%3E")), 404);
        json(get(api("nothing-here")), 404);
    }

    @Test
    void findingsAreMostUrgentFirstWithStableIds() throws Exception {
        JsonNode body = json(get(api("findings")), 200);
        conforms("Findings", body);
        List<String> ids = new ArrayList<>();
        body.get("findings").forEach(f -> ids.add(f.get("id").asText() + "=" + f.get("verdict").asText()));
        assertEquals(List.of("ADR-15#1=review", "ADR-17#calendar=review_due", "ADR-16#1=no_data"), ids);
        assertEquals("queue.lag.messages", body.get("findings").get(0).get("signal").asText());
        assertFalse(body.get("findings").get(1).has("assumption"), "the calendar has no assumption");
    }

    @Test
    void writesToReadOnlyResourcesAre405() throws Exception {
        HttpResponse<String> post = ServiceFixture.send(HttpRequest.newBuilder(api("decisions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        JsonNode error = json(post, 405);
        conforms("Error", error);
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void theOpenApiDescribesEveryPathServed() {
        assertEquals("3.1.0", openApi.get("openapi").asText());
        for (String path : List.of("/api/v1/decisions", "/api/v1/decisions/{id}", "/api/v1/findings", "/api/v1/openapi.json",
                "/api/v1/reviews", "/api/v1/decisions/{id}/reviews", "/api/v1/decisions/{id}/history", "/api/v1/findings/{id}/acknowledgement")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }
}
