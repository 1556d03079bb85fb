package dev.revisit.examples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revisit.examples.shop.load.LoadConfig;
import dev.revisit.examples.shop.load.LoadDriver;
import dev.revisit.examples.shop.load.Tally;
import dev.revisit.testsupport.ChildProcess;
import dev.revisit.testsupport.FreePort;
import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Required;
import dev.revisit.testsupport.Tool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, wired as a user would wire it: the collector ({@code serve}, embedded
 * store) on examples/decisions/shop.yaml; the shop with the packaged agent in environment
 * {@code demo}, pushing OTLP to the collector and serving its own /metrics; a real Prometheus
 * (Debian's) scraping both, like dashboards/prometheus/prometheus.yml but every second, with the
 * repository's dashboards/prometheus/revisit-rules.yml, in a copy whose {@code for:} durations are
 * cut to {@link #ALERT_FOR} (they are minutes, to keep alerts from flapping; a test cannot wait that
 * long, and only the expressions, labels and annotations are under test); then a shortened load. Asserted: the collector's verdicts (the deliberately broken decisions
 * {@code review}, the rest {@code holds}); every dashboard panel's query, through Prometheus' HTTP
 * API, returns data, with the environment at "All" and at {@code demo}; every dashboard variable
 * finds its values; the alert rules fire for exactly the broken decisions and assumptions.
 * In CI (CI=true) nothing is skipped: a missing prometheus or RabbitMQ fails the test.
 */
class ShopDemoIT {

    private static final Duration LOAD = Duration.ofSeconds(35);
    /** Every rule's {@code for:} in the test's copy of the rules. */
    private static final String ALERT_FOR = "3s";
    /** The shop's deployment.environment.name, set as a user sets it: the dashboards' environment filter. */
    private static final String ENVIRONMENT = "demo";
    /** What a user opening the dashboards picks; "All" (allValue) for every other variable offering it. */
    private static final Map<String, String> CHOSEN = Map.of("window", "1m", "decision", "SHOP-1", "api_version", "v1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern COLLECTOR_URL = Pattern.compile("OTLP/HTTP on (http://[^/\\s]+)/v1/metrics");
    private static final Pattern SHOP_URL = Pattern.compile("shop: ready on (http://\\S+)");
    private static final Pattern THRESHOLD_QUERY = Pattern.compile("revisit_assumption_threshold\\{signal=~?\"([^\"]+)\"");
    private static final Pattern DECLARED_SIGNAL = Pattern.compile("^\\s*- signal: (\\S+)", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    private static final List<AutoCloseable> started = new ArrayList<>();
    private static Path repository;
    private static boolean rabbitmq;
    private static URI collector;
    private static PrometheusServer prometheus;
    private static Tally load;

    @BeforeAll
    static void runTheDemo() throws Exception {
        repository = Path.of(System.getProperty("revisit.repository", "..")).toAbsolutePath().normalize();
        Path agentJar = built("revisit.agent.jar");
        Path collectorJar = built("revisit.collector.jar");
        Path shopJar = built("revisit.shop.jar");
        Tool binary = Tool.require("prometheus", "prometheus");
        rabbitmq = reachable(5672);
        if (Required.inCi() && !rabbitmq) {
            fail("RabbitMQ is not listening on 127.0.0.1:5672 (bash .ci/services starts it)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ChildProcess collectorProcess = start("collector", List.of(java, "-jar", collectorJar.toString(), "serve",
                "--decisions", repository.resolve("examples/decisions/shop.yaml").toString(),
                "--data-dir", dir.resolve("collector-data").toString(), "--port", "0", "--interval", "2s"));
        collector = URI.create(collectorProcess.await(COLLECTOR_URL, 60).group(1));

        int agentPort = FreePort.pick();
        ChildProcess shop = start("shop", List.of(java, "-javaagent:" + agentJar, "-Xmx512m",
                "-Drevisit.service.name=shop", "-Drevisit.deployment.environment=" + ENVIRONMENT,
                "-Drevisit.exporter=otlp,prometheus",
                "-Drevisit.otlp.endpoint=" + collector + "/v1/metrics", "-Drevisit.export.interval.ms=1000",
                "-Drevisit.prometheus.port=" + agentPort,
                "-jar", shopJar.toString(), "--port", "0", "--queue", "shop.order-events." + UUID.randomUUID()));
        URI target = URI.create(shop.await(SHOP_URL, 120).group(1));
        assertEquals(rabbitmq, !shop.log().contains("order events are not published"), shop.log());

        Path rulesCopy = dir.resolve("revisit-rules.yml");
        Files.writeString(rulesCopy, Files.readString(repository.resolve("dashboards/prometheus/revisit-rules.yml"))
                .replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: " + ALERT_FOR));
        // What a user adds to dashboards/prometheus/prometheus.yml: the agent's /metrics beside the collector's.
        prometheus = PrometheusServer.start(binary, dir, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - "%s"
                scrape_configs:
                  - job_name: revisit-collector
                    static_configs:
                      - targets: ['%s']
                  - job_name: shop
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rulesCopy, collector.getAuthority(), agentPort));
        started.add(prometheus);

        load = LoadDriver.run(new LoadConfig(target, LOAD, 4, 80, 10_000, Duration.ofSeconds(5)), System.out);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    /** The design: which decisions the load breaks (SHOP-4 has no data without RabbitMQ). */
    private static Map<String, String> designedVerdicts() {
        return new TreeMap<>(Map.of("SHOP-1", "review", "SHOP-2", "review", "SHOP-3", "holds",
                "SHOP-4", rabbitmq ? "review" : "no_data", "SHOP-5", "review", "SHOP-6", "holds", "SHOP-7", "holds"));
    }

    @Test
    void theLoadRanAndMadeOnlyItsDeliberateMistakes() {
        assertTrue(load.count(200, 299) > 300, "2xx answers: " + load.count(200, 299));
        // 401: wrong passwords, tampered tokens; 422: discontinued products; 500: the broken product row
        assertEquals(Set.of("401", "422", "500"), load.errors().keySet(), load.errors().toString());
    }

    @Test
    void theCollectorFlagsExactlyTheBrokenDecisions() throws Exception {
        Map<String, String> expected = designedVerdicts();
        Map<String, String> actual = eventually(expected, () -> {
            Map<String, String> verdicts = new TreeMap<>();
            for (JsonNode decision : getJson(collector.resolve("/api/v1/decisions")).path("decisions")) {
                verdicts.put(decision.path("id").asText(), decision.path("verdict").asText());
            }
            return verdicts;
        });
        assertEquals(expected, actual, "collector verdicts; its log:\n" + tail(Files.readString(dir.resolve("collector.log"))));
    }

    @Test
    void everyDashboardPanelShowsDataWithEveryEnvironment() throws Exception {
        assertPanelsShowData(CHOSEN);
    }

    @Test
    void everyDashboardPanelShowsDataWithTheShopsEnvironmentPicked() throws Exception {
        // one value picked of a multi-value variable: Grafana sends the value itself (regex-escaped; "demo" needs none)
        assertPanelsShowData(with(CHOSEN, "deployment_environment_name", ENVIRONMENT));
    }

    private static void assertPanelsShowData(Map<String, String> chosen) throws Exception {
        Set<String> declared = new TreeSet<>();
        Matcher signals = DECLARED_SIGNAL.matcher(Files.readString(repository.resolve("examples/decisions/shop.yaml")));
        while (signals.find()) {
            declared.add(signals.group(1));
        }
        // Without RabbitMQ (only outside CI) the shop publishes no order events: nothing measures them.
        Set<String> unexercised = rabbitmq ? Set.of() : Set.of("queue.lag.messages", "queue.delay.p95");
        DashboardQueries dashboards = new DashboardQueries(repository.resolve("dashboards/grafana/dashboards"), chosen);
        List<String> problems = new ArrayList<>();
        int withData = 0;
        for (DashboardQueries.Query query : dashboards.queries()) {
            JsonNode response = prometheus.get("/api/v1/query", "query", query.expr());
            if (!"success".equals(response.path("status").asText())) {
                problems.add(query.where() + ": " + query.expr() + " → " + response);
                continue;
            }
            boolean hasData = !response.path("data").path("result").isEmpty();
            Matcher threshold = THRESHOLD_QUERY.matcher(query.expr());
            // A threshold line exists exactly where shop.yaml declares an assumption on that signal.
            boolean shouldHaveData = threshold.find()
                    ? List.of(threshold.group(1).split("\\|")).stream().anyMatch(declared::contains)
                    : !unexercised.contains(query.legend());
            if (hasData != shouldHaveData) {
                problems.add(query.where() + " [" + query.legend() + "]: " + (hasData ? "has data, expected none" : "no data")
                        + ": " + query.expr());
            }
            withData += hasData ? 1 : 0;
        }
        assertTrue(problems.isEmpty(), problems.size() + " of " + dashboards.queries().size() + " panel queries with "
                + chosen + ":\n" + String.join("\n", problems));
        assertTrue(withData > 40, "only " + withData + " queries with data with " + chosen);
    }

    @Test
    void everyDashboardVariableFindsItsValues() throws Exception {
        List<String> problems = new ArrayList<>();
        // "All" everywhere: the environment variable offers the shop's environment (the agent puts it on every series)
        Map<String, Set<String>> all = variableValues(CHOSEN);
        all.forEach((variable, found) -> {
            String name = variable.substring(variable.indexOf('$') + 1);
            if (found.isEmpty()) {
                problems.add(variable + " finds no values");
            }
            if (name.equals("deployment_environment_name") && !found.equals(Set.of(ENVIRONMENT))) {
                problems.add(variable + " = " + found + ", expected [" + ENVIRONMENT + "]");
            }
            if (name.equals("service_name") && !found.contains("shop")) {
                problems.add(variable + " lacks shop: " + found);
            }
            if (name.equals("decision") && !found.equals(designedVerdicts().keySet())) {
                problems.add(variable + " = " + found);
            }
        });
        // the services offered follow the environment picked: the shop in its own, nothing in another
        variableValues(with(CHOSEN, "deployment_environment_name", ENVIRONMENT)).forEach((variable, found) -> {
            if (variable.endsWith("$service_name") && !found.contains("shop")) {
                problems.add(variable + " with environment " + ENVIRONMENT + " lacks shop: " + found);
            }
        });
        variableValues(with(CHOSEN, "deployment_environment_name", "production")).forEach((variable, found) -> {
            if (variable.endsWith("$service_name") && !found.isEmpty()) {
                problems.add(variable + " with environment production = " + found + ", expected none");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Each query variable ({@code "file $name"}) and the values its {@code label_values} query finds. */
    private static Map<String, Set<String>> variableValues(Map<String, String> chosen) throws Exception {
        Map<String, Set<String>> values = new TreeMap<>();
        for (DashboardQueries.Variable variable : new DashboardQueries(repository.resolve("dashboards/grafana/dashboards"),
                chosen).variables()) {
            Set<String> found = new TreeSet<>();
            prometheus.get("/api/v1/label/" + variable.label() + "/values", "match[]", variable.selector())
                    .path("data").forEach(v -> found.add(v.asText()));
            values.put(variable.where() + " $" + variable.name(), found);
        }
        return values;
    }

    private static Map<String, String> with(Map<String, String> chosen, String variable, String value) {
        Map<String, String> more = new TreeMap<>(chosen);
        more.put(variable, value);
        return more;
    }

    @Test
    void theAlertRulesFireForExactlyTheBrokenDecisions() throws Exception {
        Map<String, String> verdicts = designedVerdicts();
        Set<String> expected = new TreeSet<>();
        verdicts.forEach((decision, verdict) -> {
            if (verdict.equals("review")) {
                expected.add("RevisitDecisionFlaggedForReview " + decision);
            } else if (verdict.equals("no_data")) {
                expected.add("RevisitDecisionNoData " + decision);
            }
        });
        // the broken assumptions, each with its signal's alert
        expected.add("RevisitCacheHitRatioAssumptionBroken SHOP-1 cache.hit_ratio");
        expected.add("RevisitDbLatencyP99AssumptionBroken SHOP-2 db.latency.p99");
        expected.add("RevisitAuthLatencyP99AssumptionBroken SHOP-5 auth.latency.p99");
        if (rabbitmq) {
            expected.add("RevisitQueueLagMessagesAssumptionBroken SHOP-4 queue.lag.messages");
            expected.add("RevisitQueueDelayP95AssumptionBroken SHOP-4 queue.delay.p95");
        }
        Set<String> active = eventually(expected, () -> {
            Set<String> alerts = new TreeSet<>();
            for (JsonNode alert : prometheus.get("/api/v1/alerts").path("data").path("alerts")) {
                String state = alert.path("state").asText();
                if (state.equals("firing")) {
                    JsonNode labels = alert.path("labels");
                    alerts.add((labels.path("alertname").asText() + " " + labels.path("decision").asText() + " "
                            + labels.path("signal").asText()).strip());
                }
            }
            return alerts;
        });
        assertEquals(expected, active, "firing alerts");
        JsonNode rules = prometheus.get("/api/v1/rules").path("data").path("groups");
        List<String> unhealthy = new ArrayList<>();
        rules.forEach(g -> g.path("rules").forEach(r -> {
            if (!"ok".equals(r.path("health").asText())) {
                unhealthy.add(r.path("name").asText() + ": " + r.path("lastError").asText());
            }
        }));
        assertTrue(rules.size() >= 7 && unhealthy.isEmpty(), rules.size() + " groups; unhealthy: " + unhealthy);
    }

    /** {@code probe}'s value once it equals {@code expected}, or its last value after 20 s. */
    private static <T> T eventually(T expected, ThrowingSupplier<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        T value = probe.get();
        while (!value.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = probe.get();
        }
        return value;
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static ChildProcess start(String name, List<String> command) throws IOException {
        ChildProcess process = ChildProcess.start(name, dir, command);
        started.add(process);
        return process;
    }

    private static Path built(String property) {
        Path jar = Path.of(System.getProperty(property, "missing"));
        assertTrue(Files.isRegularFile(jar), property + ": " + jar + " is not built; run mvn -pl agent,collector,examples -am verify");
        return jar;
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(String log) {
        return log.length() > 4_000 ? log.substring(log.length() - 4_000) : log;
    }
}
