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
import java.util.Locale;

/**
 * Instant queries against one endpoint's {@code /api/v1/query}, each answering one number. POST
 * with a form body, as Prometheus and its clones accept, so long catalog queries never hit URL
 * length limits.
 */
public final class PrometheusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_IN_REASON = 200;

    private final PrometheusEndpoint endpoint;
    private final HttpClient http;

    public PrometheusQueries(PrometheusEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.timeout()).build();
    }

    /**
     * The single value {@code promql} has at {@code atMillis}; NaN when the answer is empty (no
     * series in scope).
     *
     * @throws PrometheusException when the store cannot answer, or answers with an error, a partial
     *                             result or more than one series
     */
    public double instant(String promql, long atMillis) {
        String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + String.format(Locale.ROOT, "%.3f", atMillis / 1000.0);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.api("/api/v1/query"))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        endpoint.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PrometheusException("the store did not answer within " + endpoint.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PrometheusException("the store is unreachable at " + endpoint.api("/api/v1/query") + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while querying the store", e);
        }
        return value(response);
    }

    private static double value(HttpResponse<String> response) {
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
        JsonNode data = body.path("data");
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
