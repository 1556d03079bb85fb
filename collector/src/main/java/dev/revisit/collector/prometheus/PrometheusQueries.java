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
import java.util.Arrays;
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
        if (stepMillis <= 0 || count < 1) {
            throw new IllegalArgumentException("a range needs a positive step and at least one point");
        }
        long endMillis = startMillis + stepMillis * (count - 1);
        JsonNode data = send("/api/v1/query_range", "query=" + encode(promql) + "&start=" + time(startMillis)
                + "&end=" + time(endMillis) + "&step=" + stepMillis + "ms");
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw new PrometheusException("unexpected result type '" + data.path("resultType").asText() + "' for a range query");
        }
        JsonNode result = data.path("result");
        if (result.size() > 1) {
            throw new PrometheusException("the query answered " + result.size() + " series where one was expected");
        }
        double[] values = new double[count];
        Arrays.fill(values, Double.NaN);
        if (result.size() == 0) {
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
