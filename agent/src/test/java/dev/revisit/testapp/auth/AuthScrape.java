package dev.revisit.testapp.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent has recorded so far under {@code revisit.auth.duration}, read from its own
 * Prometheus endpoint while the program runs: a program takes one before and one after a
 * phase, and the difference is what that phase alone caused. Without the agent (the baseline
 * run) every reading is zero.
 */
public record AuthScrape(long success, long failure, double seconds) {
    private static final Pattern SAMPLE = Pattern.compile(
            "^revisit_auth_duration_seconds_(count|sum)\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The agent's totals for one {@code auth.mechanism}. */
    public static AuthScrape of(String mechanism) throws IOException, InterruptedException {
        String port = System.getProperty("revisit.prometheus.port");
        if (port == null || System.getProperty("revisit.exporter", "").indexOf("prometheus") < 0) {
            return new AuthScrape(0, 0, 0);
        }
        String text = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        long success = 0;
        long failure = 0;
        double seconds = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String labels = m.group(2);
            if (!labels.contains("auth_mechanism=\"" + mechanism + "\"")) {
                continue;
            }
            double value = Double.parseDouble(m.group(3));
            if (m.group(1).equals("sum")) {
                seconds += value;
            } else if (labels.contains("auth_outcome=\"success\"")) {
                success += (long) value;
            } else {
                failure += (long) value;
            }
        }
        return new AuthScrape(success, failure, seconds);
    }

    public AuthScrape minus(AuthScrape before) {
        return new AuthScrape(success - before.success, failure - before.failure, seconds - before.seconds);
    }
}
