package dev.revisit.collector.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queries against one endpoint's {@code /api/v1/query} (one number at an instant) and
 * {@code /api/v1/query_range} (one number per step). POST with a form body, as Prometheus and its
 * clones accept, so long catalog queries never hit URL length limits. Times are sent as RFC 3339
 * with milliseconds, which every clone parses exactly (a float of seconds can lose the last
 * millisecond on the way).
 */
public final class PrometheusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_REASON = 200;
    /** The label a batched answer's series carry to say which query they answer. */
    private static final String BATCH_LABEL = "revisit_batch";

    private final PrometheusEndpoint endpoint;
    private final HttpClient http;
    private final AtomicLong issued = new AtomicLong();

    public PrometheusQueries(PrometheusEndpoint endpoint) {
        this.endpoint = endpoint;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(endpoint.timeout());
        if (endpoint.tls() != null) {
            client.sslContext(endpoint.tls());
        }
        this.http = client.build();
    }

    /** Queries sent since this object was made, answered or not. */
    public long issued() {
        return issued.get();
    }

    /**
     * The single value {@code promql} has at {@code atMillis}; NaN when the answer is empty (no
     * series in scope).
     *
     * @throws PrometheusException when the store cannot answer, or answers with an error, a partial
     *                             result or more than one series
     */
    public double instant(String promql, long atMillis) {
        JsonNode data = send("/api/v1/query", "query=" + encode(promql) + "&time=" + time(atMillis));
        JsonNode result = data.path("result");
        return switch (data.path("resultType").asText()) {
            case "scalar" -> number(result);
            case "vector" -> {
                if (result.size() == 0) {
                    yield Double.NaN;
                }
                if (result.size() > 1) {
                    throw new PrometheusException("the query answered " + result.size() + " series where one was expected");
                }
                yield number(result.get(0).path("value"));
            }
            default -> throw new PrometheusException("unexpected result type '" + data.path("resultType").asText() + "'");
        };
    }

    /**
     * The values {@code promql} has at {@code count} instants from {@code startMillis}, every
     * {@code stepMillis}: NaN at a step without a value (no series in scope then).
     *
     * @throws PrometheusException as {@link #instant}, and when a sample lies off the steps asked for
     */
    public double[] range(String promql, long startMillis, long stepMillis, int count) {
        List<JsonNode> series = new ArrayList<>();
        matrix(promql, startMillis, stepMillis, count).forEach(series::add);
        return values(series, startMillis, stepMillis, count);
    }

    private JsonNode matrix(String promql, long startMillis, long stepMillis, int count) {
        if (stepMillis <= 0 || count < 1) {
            throw new IllegalArgumentException("a range needs a positive step and at least one point");
        }
        long endMillis = startMillis + stepMillis * (count - 1);
        JsonNode data = send("/api/v1/query_range", "query=" + encode(promql) + "&start=" + time(startMillis)
                + "&end=" + time(endMillis) + "&step=" + stepMillis + "ms");
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new PrometheusException("unexpected result type '" + data.path("resultType").asText() + "' for a range query");
        }
        return data.path("result");
    }

    /** One query's series (one expected) as values at the steps; NaN where it has none. */
    private static double[] values(List<JsonNode> result, long startMillis, long stepMillis, int count) {
        if (result.size() > 1) {
            throw new PrometheusException("the query answered " + result.size() + " series where one was expected");
        }
        double[] values = new double[count];
        Arrays.fill(values, Double.NaN);
        if (result.isEmpty()) {
            return values;
        }
        for (JsonNode sample : result.get(0).path("values")) {
            long at = Math.round(sample.path(0).asDouble() * 1000);
            long offset = at - startMillis;
            if (offset % stepMillis != 0 || offset < 0 || offset / stepMillis >= count) {
                throw new PrometheusException("a sample at " + Instant.ofEpochMilli(at) + " lies off the steps asked for");
            }
            values[(int) (offset / stepMillis)] = number(sample);
        }
        return values;
    }

    /** One query's share of a batched answer: its values, or why it has none. */
    public record Answer(double[] values, PrometheusException fault) {}

    /**
     * Several range queries over the same steps in one request: each query tagged with a label of
     * its own ({@code label_replace}) and joined with {@code or}, the answer split back by that
     * label. A query with more than one series or samples off the steps gets its own fault;
     * whatever fails the request (or a partial answer) fails them all.
     *
     * @throws PrometheusException as {@link #range}
     */
    public List<Answer> rangeBatch(List<String> promqls, long startMillis, long stepMillis, int count) {
        if (promqls.size() == 1) {
            return List.of(new Answer(range(promqls.get(0), startMillis, stepMillis, count), null));
        }
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < promqls.size(); i++) {
            batch.append(i == 0 ? "" : " or ").append("label_replace(").append(promqls.get(i)).append(", \"")
                    .append(BATCH_LABEL).append("\", \"").append(i).append("\", \"\", \"\")");
        }
        JsonNode result = matrix(batch.toString(), startMillis, stepMillis, count);
        List<List<JsonNode>> byQuery = new ArrayList<>();
        promqls.forEach(q -> byQuery.add(new ArrayList<>()));
        for (JsonNode series : result) {
            int i = series.path("metric").path(BATCH_LABEL).asInt(-1);
            if (i < 0 || i >= promqls.size()) {
                throw new PrometheusException("a batched answer with a series of no query: " + series.path("metric"));
            }
            byQuery.get(i).add(series);
        }
        List<Answer> answers = new ArrayList<>();
        for (List<JsonNode> series : byQuery) {
            try {
                answers.add(new Answer(values(series, startMillis, stepMillis, count), null));
            } catch (PrometheusException e) {
                answers.add(new Answer(null, e));
            }
        }
        return answers;
    }

    /** POSTs a form to an API path; the answer's {@code data}, or the reason there is none. */
    private JsonNode send(String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.api(path))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        endpoint.headers().forEach(request::header);
        issued.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PrometheusException("the store did not answer within " + endpoint.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PrometheusException("the store is unreachable at " + endpoint.api(path) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while querying the store", e);
        }
        return data(response);
    }

    private static JsonNode data(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new PrometheusException("the store answered HTTP " + response.statusCode() + " without a Prometheus API body: "
                    + abbreviate(response.body()));
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new PrometheusException("the store answered HTTP " + response.statusCode() + ", "
                    + body.path("errorType").asText("error") + ": " + body.path("error").asText("(no message)"));
        }
        if (body.path("warnings").size() > 0) {
            // Thanos and Mimir report a partial answer (a store or shard missing) as a warning
            throw new PrometheusException("partial answer from the store: " + body.get("warnings"));
        }
        return body.path("data");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String time(long millis) {
        return encode(Instant.ofEpochMilli(millis).toString());
    }

    /** {@code [timestamp, "value"]}; Prometheus writes NaN and ±Inf as strings too. */
    private static double number(JsonNode sample) {
        String text = sample.path(1).asText(null);
        if (text == null) {
            throw new PrometheusException("a sample without a value: " + sample);
        }
        try {
            return Double.parseDouble(text.replace("Inf", "Infinity"));
        } catch (NumberFormatException e) {
            throw new PrometheusException("a sample value that is not a number: " + text);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_BODY_IN_REASON ? oneLine : oneLine.substring(0, MAX_BODY_IN_REASON) + "…";
    }
}
