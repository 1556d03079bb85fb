package dev.revisit.bench.collector;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.SeriesIndex;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.MetricKind;
import dev.revisit.collector.store.StoredSeries;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation round of 1,000 decisions × 3 assumptions over 10,000 series (goal: under 200 ms).
 * Each decision watches one of 1,000 services, each service has 10 series: cache hits and misses
 * on 2 instances (4 counters), database latency for 2 instances × 2 operations (4 histograms of
 * 12 buckets) and consumer lag on 2 partitions (2 gauges), 40 minutes of points every 10 s.
 * Per decision one assumption holds (lag), one is at risk (hit ratio 0.9 against 0.85) and one
 * is broken and traced back to the start of its breach (p99 272 ms against 50 ms).
 *
 * <ul>
 *   <li>{@code round}: what {@code serve} does every interval: every assumption replayed over
 *       13 steps (hysteresis, trend), coverage, review dates;</li>
 *   <li>{@code singleQuery}: the baseline: each assumption's signal computed once, at one instant,
 *       over the same pre-indexed series;</li>
 *   <li>{@code singleQueryNoIndex}: the same single query, but each assumption searching the store's
 *       series of its metric itself: what the per-round index saves.</li>
 * </ul>
 *
 * Run: {@code mvn -q -pl collector,bench -am package -DskipTests && java -jar bench/target/benchmarks.jar EvaluateBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluateBench {

    static final int SERVICES = 1_000;
    static final long END = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
    static final long STEP = 10_000;
    static final int POINTS = 240; // 40 minutes
    static final double[] BOUNDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2};

    MemoryStore store;
    DecisionsFile decisions;
    Instant at;

    @Setup
    public void setUp() throws Exception {
        store = new MemoryStore();
        for (int s = 0; s < SERVICES; s++) {
            feedService(s);
        }
        decisions = new DecisionsReader(Catalog.builtIn()).read("bench.yaml", new StringReader(decisionsYaml()));
        at = Instant.ofEpochMilli(END);
        if (store.seriesCount() != SERVICES * 10 || decisions.assumptionCount() != SERVICES * 3) {
            throw new IllegalStateException(store.seriesCount() + " series, " + decisions.assumptionCount() + " assumptions");
        }
    }

    private void feedService(int s) {
        String service = "svc-" + s;
        long start = END - POINTS * STEP;
        for (int instance = 0; instance < 2; instance++) {
            Map<String, String> base = Map.of("service.name", service, "service.instance.id", service + "-" + instance);
            StoredSeries hits = open("revisit.cache.requests", MetricKind.COUNTER, base, "cache.name", "products", "cache.result", "hit");
            StoredSeries misses = open("revisit.cache.requests", MetricKind.COUNTER, base, "cache.name", "products", "cache.result", "miss");
            StoredSeries select = open("db.client.operation.duration", MetricKind.HISTOGRAM, base, "db.operation.name", "SELECT", "db.system.name", "postgresql");
            StoredSeries update = open("db.client.operation.duration", MetricKind.HISTOGRAM, base, "db.operation.name", "UPDATE", "db.system.name", "postgresql");
            StoredSeries lag = open("revisit.messaging.consumer.lag", MetricKind.GAUGE, base, "messaging.destination.name", "orders",
                    "messaging.destination.partition.id", Integer.toString(instance));
            long[] counts = new long[BOUNDS.length + 1];
            double sum = 0;
            for (int p = 0; p <= POINTS; p++) {
                long t = start + p * STEP;
                hits.addCounter(start - STEP, t, 90.0 * p, false);
                misses.addCounter(start - STEP, t, 10.0 * p, false);
                counts[2 + (p + s) % 5] += 10;
                counts[8] += p % 7 == 0 ? 1 : 0;
                sum += 0.05;
                select.addHistogram(start - STEP, t, BOUNDS, counts.clone(), sum, false);
                update.addHistogram(start - STEP, t, BOUNDS, counts.clone(), sum, false);
                lag.addGauge(t, 100 + (p * 37 + s) % 400);
            }
        }
    }

    private StoredSeries open(String metric, MetricKind kind, Map<String, String> base, String... more) {
        java.util.HashMap<String, String> labels = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return store.open(metric, kind, Labels.of(labels));
    }

    private static String decisionsYaml() {
        StringBuilder y = new StringBuilder("decisions:\n");
        for (int s = 0; s < SERVICES; s++) {
            y.append("  - id: ADR-").append(s).append("\n    title: decision ").append(s)
                    .append("\n    area: caching\n    decided: 2026-11-01\n    review_every: 90d\n    assumptions:\n")
                    .append("      - { signal: cache.hit_ratio, scope: { service.name: svc-").append(s)
                    .append(", cache.name: products }, expect: \">= 0.85\", window: 5m, for: 10m }\n")
                    .append("      - { signal: db.latency.p99, scope: { service.name: svc-").append(s)
                    .append(", db.operation.name: SELECT }, expect: \"< 50ms\", window: 5m, for: 10m }\n")
                    .append("      - { signal: queue.lag.messages, scope: { service.name: svc-").append(s)
                    .append(" }, expect: \"< 1000\", window: 5m, for: 10m }\n");
        }
        return y.toString();
    }

    @Benchmark
    public Evaluation round() {
        return Evaluator.evaluate(decisions, store, at);
    }

    @Benchmark
    public double singleQuery() {
        SeriesIndex index = new SeriesIndex(store);
        return query(index, false);
    }

    @Benchmark
    public double singleQueryNoIndex() {
        return query(null, true);
    }

    private double query(SeriesIndex shared, boolean fresh) {
        double total = 0;
        long t = at.toEpochMilli();
        for (Decision d : decisions.decisions()) {
            for (Assumption a : d.assumptions()) {
                SeriesIndex index = fresh ? new SeriesIndex(store) : shared;
                total += a.signal().bind(index, a.scope()).value(t - a.window().toMillis(), t);
            }
        }
        return total;
    }
}
