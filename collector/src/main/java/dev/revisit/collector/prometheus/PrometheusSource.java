package dev.revisit.collector.prometheus;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.PromQl;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Durations;
import dev.revisit.collector.verdict.SignalSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * evaluator's lookbacks are fetched before a round, {@link #BATCH} to a {@code query_range}
 * request where their steps coincide; a breach traced back costs one more range query. Within a
 * round, identical queries (decisions sharing an assumption) are sent once; requests and
 * assessments run on at most {@code concurrency} threads, which bounds the requests in flight.
 */
public final class PrometheusSource implements SignalSource {

    /** Queries in flight by default: enough to hide a remote store's latency, few enough not to crowd it. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Lookbacks per batched request: short enough a query for any store's limits, long enough to save round trips. */
    static final int BATCH = 40;
    private static final System.Logger LOG = System.getLogger(PrometheusSource.class.getName());

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

    /**
     * Fetches every lookback first, {@link #BATCH} queries to a request where the steps are the
     * same (the same {@code for} at the same instant), the requests themselves on the pool; then,
     * from those answers, the reach backs {@code reachBack} says the replay will need, batched the
     * same way. A batch that fails leaves its queries to be asked one by one, so each assumption
     * meets the fault itself and keeps its own reason.
     */
    @Override
    public Function<Assumption, Bound> round(Map<Assumption, long[]> lookbacks, ReachBack reachBack) {
        Answers answers = new Answers();
        fetchAll(lookbacks, answers);
        Map<Assumption, long[]> further = new LinkedHashMap<>();
        lookbacks.forEach((assumption, ends) -> {
            double[] values = answers.peek(key(assumption, ends, answers));
            long[] back = values == null ? null : reachBack.ends(assumption, ends, values);
            if (back != null) {
                further.put(assumption, back);
            }
        });
        fetchAll(further, answers);
        return assumption -> new RemoteBound(assumption, answers);
    }

    /** The answer key of a range query for {@code ends}, or null where no range query would be asked. */
    private String key(Assumption assumption, long[] ends, Answers answers) {
        long step = ends.length > 1 ? ends[1] - ends[0] : 0;
        if (step <= 0 || !evenlySpaced(ends)) {
            return null;
        }
        return rangeKey(ends[0] + " " + step + " " + ends.length,
                new RemoteBound(assumption, answers).query(assumption.window().toMillis()));
    }

    private void fetchAll(Map<Assumption, long[]> ranges, Answers answers) {
        Map<String, Map<String, String>> byRange = new LinkedHashMap<>(); // range → answer key → query
        for (Map.Entry<Assumption, long[]> e : ranges.entrySet()) {
            long[] ends = e.getValue();
            String key = key(e.getKey(), ends, answers);
            if (key != null) {
                String range = ends[0] + " " + (ends[1] - ends[0]) + " " + ends.length;
                byRange.computeIfAbsent(range, k -> new LinkedHashMap<>())
                        .put(key, new RemoteBound(e.getKey(), answers).query(e.getKey().window().toMillis()));
            }
        }
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        byRange.forEach((range, queries) -> {
            String[] parts = range.split(" ");
            List<Map.Entry<String, String>> all = new ArrayList<>(queries.entrySet());
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Map.Entry<String, String>> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                batches.add(CompletableFuture.runAsync(() -> fetch(batch, Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Integer.parseInt(parts[2]), answers), pool));
            }
        });
        batches.forEach(CompletableFuture::join);
    }

    private void fetch(List<Map.Entry<String, String>> batch, long start, long step, int count, Answers answers) {
        List<PrometheusQueries.Answer> fetched;
        try {
            fetched = queries.rangeBatch(batch.stream().map(Map.Entry::getValue).toList(), start, step, count);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "a batch of " + batch.size() + " queries failed, asking them one by one: " + e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            answers.put(batch.get(i).getKey(), fetched.get(i));
        }
    }

    private static boolean evenlySpaced(long[] ends) {
        for (int i = 2; i < ends.length; i++) {
            if (ends[i] - ends[i - 1] != ends[1] - ends[0]) {
                return false;
            }
        }
        return true;
    }

    private static String rangeKey(String range, String query) {
        return "range " + range + " " + query;
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

        /** The values already fetched for {@code key}, or null (none, not yet, or a fault). */
        double[] peek(String key) {
            CompletableFuture<double[]> answer = key == null ? null : byQuery.get(key);
            return answer != null && answer.isDone() && !answer.isCompletedExceptionally() ? answer.join() : null;
        }

        /** A batched answer, as if its query had been asked on its own. */
        void put(String key, PrometheusQueries.Answer answer) {
            CompletableFuture<double[]> done = answer.fault() == null ? CompletableFuture.completedFuture(answer.values())
                    : CompletableFuture.failedFuture(answer.fault());
            byQuery.putIfAbsent(key, done);
        }

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
            if (step <= 0 || !evenlySpaced(ends)) {
                return Bound.super.values(ends, windowMillis); // not a range Prometheus can step through
            }
            String q = query(windowMillis);
            return answers.once(rangeKey(ends[0] + " " + step + " " + ends.length, q),
                    () -> queries.range(q, ends[0], step, ends.length));
        }

        @Override
        public boolean ranged() {
            return true;
        }
    }
}
