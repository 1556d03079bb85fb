package dev.revisit.bench.collector;

import dev.revisit.collector.ingest.OtlpMetricsIngester;
import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.StoreConfig;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector's share of ingest without HTTP, on one thread: per round, every sender's
 * request is parsed (baseline) and then parsed and stored. Rounds run until the series' raw
 * rings are full, so the figures are those of a collector up for more than the raw tier's span.
 * Usage: {@code java -cp bench/target/benchmarks.jar dev.revisit.bench.collector.IngestInProcess [senders] [points] [rounds]}
 */
public final class IngestInProcess {

    public static void main(String[] args) throws Exception {
        int senders = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1200;
        long start = System.currentTimeMillis() * 1_000_000L;
        List<IngestRequests> requests = new ArrayList<>();
        for (int s = 0; s < senders; s++) requests.add(new IngestRequests(s, points, start));
        MemoryStore store = new MemoryStore(StoreConfig.DEFAULT);
        OtlpMetricsIngester ingester = new OtlpMetricsIngester(store);
        long parseNanos = 0, ingestNanos = 0, measured = 0;
        for (int round = 1; round <= rounds; round++) {
            for (IngestRequests r : requests) {
                byte[] body = r.at(start + round * 10_000_000_000L);
                long t0 = System.nanoTime();
                ExportMetricsServiceRequest parsed = ExportMetricsServiceRequest.parseFrom(body);
                long t1 = System.nanoTime();
                var result = ingester.ingest(ExportMetricsServiceRequest.parseFrom(body));
                long t2 = System.nanoTime();
                if (result.rejected().total() > 0 || parsed.getResourceMetricsCount() != 1) throw new IllegalStateException(result.rejected().message());
                if (round > rounds - rounds / 4) { // the last quarter: rings full, code compiled
                    parseNanos += t1 - t0;
                    ingestNanos += t2 - t1;
                    measured += r.points;
                }
            }
        }
        System.out.printf("%d series, %d rounds; last %d rounds on one thread:%n", store.seriesCount(), rounds, rounds / 4);
        System.out.printf("parse only          %,10.0f points/s  (%.2f us/point)%n", measured / (parseNanos / 1e9), parseNanos / 1e3 / measured);
        System.out.printf("parse + store       %,10.0f points/s  (%.2f us/point)%n", measured / (ingestNanos / 1e9), ingestNanos / 1e3 / measured);
        System.out.printf("ratio parse+store / parse: %.2f%n", (double) ingestNanos / parseNanos);
    }
}
