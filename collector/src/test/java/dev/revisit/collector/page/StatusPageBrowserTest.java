package dev.revisit.collector.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.api.ServiceFixture;
import dev.revisit.collector.engine.RunningCollector;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real headless Chromium: the overview by area, a decision's evidence and
 * chart, and hostile text from the decisions file and the URL rendered as text, never as markup.
 */
class StatusPageBrowserTest {

    @TempDir
    static Path dir;
    static RunningCollector collector;
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.require(dir);
        collector = ServiceFixture.start(dir);
        pushLagHistory(collector.uri());
        collector.verdicts().round();
    }

    @AfterAll
    static void stop() throws Exception {
        if (collector != null) {
            collector.close();
        }
    }

    /** An hour of consumer lag, one point every two minutes, rising through the 1,000 threshold (OTLP JSON, timestamps in the past). */
    static void pushLagHistory(URI uri) throws Exception {
        long now = Instant.now().toEpochMilli();
        StringBuilder points = new StringBuilder();
        for (int i = 30; i >= 1; i--) {
            long t = now - i * 120_000L;
            double lag = 600 + (30 - i) * 40; // 600 … 1760 per partition
            points.append(points.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"timeUnixNano\":\"%d\",\"asDouble\":%.1f,\"attributes\":[{\"key\":\"messaging.destination.name\",\"value\":{\"stringValue\":\"orders.eu\"}},"
                            + "{\"key\":\"messaging.destination.partition.id\",\"value\":{\"stringValue\":\"9\"}}]}", t * 1_000_000L, lag));
        }
        String body = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"billing\"}}]},"
                + "\"scopeMetrics\":[{\"metrics\":[{\"name\":\"revisit.messaging.consumer.lag\",\"gauge\":{\"dataPoints\":[" + points + "]}}]}]}]}";
        HttpResponse<String> response = ServiceFixture.send(HttpRequest.newBuilder(uri.resolve("/v1/metrics"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void overviewGroupsDecisionsByAreaWithTheirVerdicts() throws Exception {
        String dom = chromium.dumpDom(collector.uri() + "/");
        for (String area : new String[] {"async", "caching", "deployment"}) {
            assertTrue(dom.contains("id=\"area-" + area + "\""), area + " section: " + dom);
        }
        assertFalse(dom.contains("id=\"area-storage\""), "no empty areas");
        assertTrue(Pattern.compile("data-id=\"ADR-15\".*?v-review\"").matcher(dom).find(), "ADR-15 is flagged for review");
        assertTrue(Pattern.compile("data-id=\"ADR-17\".*?v-review_due\"").matcher(dom).find(), "ADR-17 is due");
        assertTrue(dom.contains("data-verdict=\"review\">1<"), "one decision to review");
        // the hostile title is text: the browser re-serialises it escaped, and no element was made of it
        assertTrue(dom.contains("Cache &lt;b&gt;catalog&lt;/b&gt; &amp; \"prices\" &lt;script&gt;alert(1)&lt;/script&gt;"), dom);
        assertFalse(dom.contains("<script"), "no script element");
        assertFalse(dom.contains("<b>"), "no markup from the decisions file");
    }

    @Test
    void decisionPageShowsRationaleEvidenceAndAChartAgainstTheThreshold() throws Exception {
        String dom = chromium.dumpDom(collector.uri() + "/decisions/ADR-15");
        assertTrue(dom.contains("Billing must not slow down checkout."), "rationale");
        assertTrue(dom.contains("queue.lag.messages"), "the signal");
        assertTrue(dom.contains("breaks &lt; 1000"), "the evidence sentence: " + dom);
        assertTrue(dom.contains("class=\"threshold\""), "the dashed threshold line");
        Matcher line = Pattern.compile("<polyline class=\"value\"[^>]*points=\"([^\"]*)\"").matcher(dom);
        assertTrue(line.find(), "a line through the pushed history: " + dom);
        String[] points = line.group(1).trim().split(" ");
        assertTrue(points.length >= 20, "most of the hour's 30 steps have data: " + points.length);
        double first = Double.parseDouble(points[0].split(",")[1]);
        double last = Double.parseDouble(points[points.length - 1].split(",")[1]);
        assertTrue(last < first, "rising lag is drawn rising (SVG y grows downwards): " + first + " → " + last);

        String noData = chromium.dumpDom(collector.uri() + "/decisions/ADR-16");
        assertTrue(noData.contains(">no data</text>"), "an empty chart says so");
        assertTrue(noData.contains("Reads are &lt;i&gt;most&lt;/i&gt; of the load &amp; writes rare."), noData);
        assertFalse(noData.contains("<i>"));

        Files.createDirectories(Path.of("target/screenshots"));
        chromium.screenshot(collector.uri() + "/decisions/ADR-15", Path.of("target/screenshots/decision.png"));
        chromium.screenshot(collector.uri() + "/", Path.of("target/screenshots/overview.png"));
    }

    @Test
    void unknownDecisionsAndPathsAre404PagesThatEscapeTheUrl() throws Exception {
        String hostile = "/decisions/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
        HttpResponse<String> response = ServiceFixture.get(collector.uri().resolve(hostile));
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        String dom = chromium.dumpDom(collector.uri() + hostile);
        assertTrue(dom.contains("No decision with id “&lt;img src=x onerror=alert(1)&gt;”"), dom);
        assertFalse(dom.contains("<img"));
        assertEquals(404, ServiceFixture.get(collector.uri().resolve("/nothing/here")).statusCode());
        assertEquals(405, ServiceFixture.send(HttpRequest.newBuilder(collector.uri().resolve("/"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    }
}
