package dev.revisit.collector.engine;

import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Evaluator;
import dev.revisit.collector.verdict.SignalSource;
import dev.revisit.collector.verdict.Verdict;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code serve}'s engine: every interval it picks up a changed decisions file, evaluates every
 * decision over its signal source (the embedded store or a Prometheus-compatible API), keeps the result for readers and logs each verdict that changed.
 * Evaluation is stateless (see {@link Evaluator}), so a round here and a one-shot
 * {@code evaluate} over the same data agree.
 */
public final class VerdictLoop implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VerdictLoop.class.getName());
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    private final DecisionsWatch decisions;
    private final SignalSource source;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "revisit-verdicts");
        t.setDaemon(true);
        return t;
    });
    private volatile Evaluation current;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<DecisionsFile> overlay = UnaryOperator.identity();

    /**
     * Told about every round, on the loop's thread, after {@link #current()} moved on: metrics,
     * verdict history and notifications hang off this one hook.
     */
    @FunctionalInterface
    public interface Listener {
        /** {@code before} is null on the first round; {@code nanos} is how long the round took. */
        void evaluated(Evaluation before, Evaluation after, long nanos);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Adjusts the file before each evaluation: recorded reviews move {@code last_reviewed} forward. */
    public void setOverlay(UnaryOperator<DecisionsFile> overlay) {
        this.overlay = overlay;
    }

    public VerdictLoop(DecisionsWatch decisions, dev.revisit.collector.store.MetricStore store, Clock clock) {
        this(decisions, SignalSource.embedded(store), clock);
    }

    public VerdictLoop(DecisionsWatch decisions, SignalSource source, Clock clock) {
        this.decisions = decisions;
        this.source = source;
        this.clock = clock;
    }

    /** Evaluates now and then every {@code interval}. */
    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::roundSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest verdicts, or null before the first round. */
    public Evaluation current() {
        return current;
    }

    /** One round: reload if changed, evaluate, log transitions. */
    public synchronized Evaluation round() {
        long started = System.nanoTime();
        decisions.poll();
        Evaluation next = Evaluator.evaluate(overlay.apply(decisions.current()), source, clock.instant());
        for (String change : transitions(current, next)) {
            LOG.log(Level.INFO, change);
        }
        Evaluation before = current;
        current = next;
        long nanos = System.nanoTime() - started;
        for (Listener listener : listeners) {
            try {
                listener.evaluated(before, next, nanos);
            } catch (RuntimeException e) {
                // a failing listener (say, its database is away) must not cost the others their round
                LOG.log(Level.WARNING, "verdict listener " + listener + " failed: " + e, e);
            }
        }
        return next;
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            // one bad round must not end the loop: the next one may succeed
            LOG.log(Level.ERROR, "evaluation round failed", e);
        }
    }

    /** One line per decision whose verdict differs between two rounds (or that is new). */
    public static List<String> transitions(Evaluation before, Evaluation after) {
        Map<String, Verdict> previous = new HashMap<>();
        if (before != null) {
            before.decisions().forEach(d -> previous.put(d.decision().id(), d.verdict()));
        }
        List<String> changes = new ArrayList<>();
        for (DecisionVerdict d : after.decisions()) {
            Verdict was = previous.get(d.decision().id());
            if (was != d.verdict()) {
                changes.add(d.decision().id() + ": " + (was == null ? "new" : was.key()) + " → " + d.verdict().key()
                        + " (" + d.reason() + ")");
            }
        }
        return changes;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
