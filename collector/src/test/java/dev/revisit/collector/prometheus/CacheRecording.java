package dev.revisit.collector.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revisit.testsupport.PrometheusServer;
import dev.revisit.testsupport.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An hour of cache counters at 15 s, backfilled into a real Prometheus: products hits 80 % all
 * along; search hits 90 % for 40 minutes, then 60 %. Lookups run at 100/s and 10/s throughout.
 */
final class CacheRecording {

    static final long START = Instant.parse("2026-11-25T10:00:00Z").getEpochSecond();
    static final int STEP_SECONDS = 15;
    static final int STEPS = 240;
    static final long END = START + (long) STEP_SECONDS * STEPS;
    static final long SEARCH_DROPS = START + 2400;

    private CacheRecording() {}

    static String openMetrics() {
        StringBuilder om = new StringBuilder("# TYPE revisit_cache_requests counter\n");
        for (String cache : new String[] {"products", "search"}) {
            for (String result : new String[] {"hit", "miss"}) {
                for (int i = 0; i <= STEPS; i++) {
                    long t = (long) i * STEP_SECONDS;
                    om.append("revisit_cache_requests_total{service_name=\"shop\",cache_name=\"").append(cache)
                            .append("\",cache_result=\"").append(result).append("\"} ").append(count(cache, result, t))
                            .append(' ').append(START + t).append('\n');
                }
            }
        }
        return om.append("# EOF\n").toString();
    }

    /** Lookups of {@code cache} with {@code result} in the first {@code t} seconds. */
    private static double count(String cache, String result, long t) {
        boolean hit = "hit".equals(result);
        if ("products".equals(cache)) {
            return (hit ? 80 : 20) * t;
        }
        long before = Math.min(t, SEARCH_DROPS - START);
        long after = t - before;
        return (hit ? 9 : 1) * before + (hit ? 6 : 4) * after;
    }

    /** Backfills the recording into {@code dir} and starts Prometheus on it. */
    static PrometheusServer start(Path dir) throws Exception {
        return start(dir, null, null);
    }

    /** As above, with a web configuration (TLS, basic auth) and what the helper's readiness check needs for it. */
    static PrometheusServer start(Path dir, String webConfig, javax.net.ssl.SSLContext tls) throws Exception {
        Path data = Files.writeString(dir.resolve("signals.om"), openMetrics());
        Tool.Result backfill = Tool.require("promtool", "prometheus").run(dir, "tsdb", "create-blocks-from", "openmetrics",
                data.toString(), dir.resolve("data").toString());
        assertEquals(0, backfill.exitCode(), backfill.output());
        return PrometheusServer.start(Tool.require("prometheus", "prometheus"), dir, "global:\n  scrape_interval: 1m\n", webConfig, tls);
    }
}
