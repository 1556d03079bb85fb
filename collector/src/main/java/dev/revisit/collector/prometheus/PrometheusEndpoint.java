package dev.revisit.collector.prometheus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Where and how to query a store.
 *
 * @param base       scheme, host and port, e.g. {@code https://mimir.example:8080}
 * @param pathPrefix put before {@code /api/v1/…}: Mimir's {@code /prometheus}, VictoriaMetrics
 *                   cluster's {@code /select/<tenant>/prometheus}; empty for Prometheus itself
 * @param headers    sent with every query, e.g. {@code X-Scope-OrgID}
 * @param timeout    per query, connect included
 * @param tls        whom to trust (and which client certificate to show) over https, from {@link PrometheusTls}; null: the JDK's defaults
 */
public record PrometheusEndpoint(URI base, String pathPrefix, Map<String, String> headers, Duration timeout,
                                 SSLContext tls) {

    public PrometheusEndpoint(URI base, String pathPrefix, Map<String, String> headers, Duration timeout) {
        this(base, pathPrefix, headers, timeout, null);
    }

    public PrometheusEndpoint {
        String prefix = pathPrefix == null ? "" : pathPrefix.strip();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        pathPrefix = prefix.isEmpty() || prefix.startsWith("/") ? prefix : "/" + prefix;
        headers = Map.copyOf(headers);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
        }
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) address: " + base);
        }
    }

    /** The same endpoint sending {@code Authorization: Bearer <token>}. */
    public PrometheusEndpoint withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** The same endpoint sending HTTP basic credentials. */
    public PrometheusEndpoint withBasic(String user, String password) {
        String pair = user + ":" + password;
        return withHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    public PrometheusEndpoint withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PrometheusEndpoint(base, pathPrefix, more, timeout, tls);
    }


    /** The address of an API path such as {@code /api/v1/query}, query string excluded. */
    URI api(String path) {
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return base.resolve(basePath + pathPrefix + path);
    }
}
