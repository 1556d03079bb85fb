package dev.revisit.collector.prometheus;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.verdict.SignalSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds assumptions to a store's query API: the value over a window is the signal's documented
 * PromQL over the assumption's scope with that window, evaluated at the window's end. The
 * evaluator's lookback is one {@code query_range} (and its reach back a second), not an instant
 * query per step. Within a round, identical queries (decisions sharing an assumption) are sent
 * once; assumptions are assessed on at most {@code concurrency} threads, which bounds the queries
 * in flight against the store.
 */
public final class PrometheusSource implements SignalSource {

    /** Queries in flight by default: enough to hide a remote store's latency, few enough not to crowd it. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private final PrometheusQueries queries;
    private final ExecutorService pool;

    public PrometheusSource(PrometheusQueries queries) {
        this(queries, DEFAULT_CONCURRENCY);
    }

    public PrometheusSource(PrometheusQueries queries, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the query concurrency must be at least 1, not " + concurrency);
        }
        this.queries = queries;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "revisit-prometheus-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public PrometheusQueries queries() {
        return queries;
    }

    @Override
    public Function<Assumption, Bound> round() {
        Answers answers = new Answers();
        return assumption -> new RemoteBound(assumption, answers);
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One round's answers, by query: a query asked again in the same round waits for the first asking. */
    private static final class Answers {
        private final ConcurrentHashMap<String, CompletableFuture<double[]>> byQuery = new ConcurrentHashMap<>();

        double[] once(String key, Supplier<double[]> query) {
            CompletableFuture<double[]> mine = new CompletableFuture<>();
            CompletableFuture<double[]> first = byQuery.putIfAbsent(key, mine);
            if (first != null) {
                try {
                    return first.join().clone();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof PrometheusException p) {
                        throw new PrometheusException(p.getMessage(), p);
                    }
                    throw e;
                }
            }
            try {
                double[] values = query.get();
                mine.complete(values);
                return values.clone();
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    private final class RemoteBound implements Bound {
        private final PromQl promql;
        private final PromQl.Selector scope;
        private final Answers answers;

        RemoteBound(Assumption assumption, Answers answers) {
            this.promql = assumption.signal().promql();
            this.scope = PromQl.Selector.of(assumption.scope());
            this.answers = answers;
        }

        private String query(long windowMillis) {
            return promql.render(scope, Durations.format(Duration.ofMillis(Math.max(1000, windowMillis))));
        }

        @Override
        public double value(long from, long to) {
            String q = query(to - from);
            return answers.once("instant " + to + " " + q, () -> new double[] {queries.instant(q, to)})[0];
        }

        @Override
        public double[] values(long[] ends, long windowMillis) {
            long step = ends.length > 1 ? ends[1] - ends[0] : 0;
            for (int i = 1; i < ends.length; i++) {
                if (ends[i] - ends[i - 1] != step) {
                    return Bound.super.values(ends, windowMillis); // not a range Prometheus can step through
                }
            }
            if (step <= 0) {
                return Bound.super.values(ends, windowMillis);
            }
            String q = query(windowMillis);
            return answers.once("range " + ends[0] + " " + step + " " + ends.length + " " + q,
                    () -> queries.range(q, ends[0], step, ends.length));
        }

        @Override
        public boolean ranged() {
            return true;
        }
    }
}
