package dev.revisit.collector.verdict;

import dev.revisit.collector.catalog.Bound;
import dev.revisit.collector.catalog.Coverage;
import dev.revisit.collector.decisions.Assumption;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.Threshold;
import dev.revisit.collector.store.MetricStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Gives every decision of a file its verdict at an instant, from a store. Stateless. */
public final class Evaluator {

    private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());

    private Evaluator() {}

    public static Evaluation evaluate(DecisionsFile file, MetricStore store, Instant at) {
        return evaluate(file, SignalSource.embedded(store), at);
    }

    /**
     * The same from another source of signal values (e.g. a Prometheus query API): {@code source}
     * binds an assumption to its values; whatever it throws makes that assumption no_data, with
     * the reason in its evidence.
     */
    public static Evaluation evaluate(DecisionsFile file, Function<Assumption, Bound> source, Instant at) {
        return evaluate(file, source, at, Runnable::run);
    }

    /**
     * Evaluates a source, however it reads its values (each source knows whether to parallelise).
     * The source is told the round's assumptions, their lookbacks and how to tell which need a
     * reach back first, so a remote one can fetch them in a few batched requests.
     */
    public static Evaluation evaluate(DecisionsFile file, SignalSource source, Instant at) {
        Map<Assumption, long[]> lookbacks = new LinkedHashMap<>();
        for (Decision d : file.decisions()) {
            for (Assumption a : d.assumptions()) {
                if (!(a.signal().computation() instanceof Coverage)) {
                    lookbacks.put(a, Assessor.lookback(a, at.toEpochMilli()));
                }
            }
        }
        return evaluate(file, source.round(lookbacks, Assessor::reachBackIfNeeded), at, source.executor());
    }

    /**
     * As above, assessing the assumptions on {@code executor}: a remote source's queries then
     * overlap. The verdicts do not depend on the executor.
     */
    public static Evaluation evaluate(DecisionsFile file, Function<Assumption, Bound> source, Instant at, Executor executor) {
        long now = at.toEpochMilli();
        Map<Assumption, CompletableFuture<AssumptionVerdict>> pending = new LinkedHashMap<>();
        Map<Assumption, Decision> owners = new LinkedHashMap<>();
        for (Decision d : file.decisions()) {
            for (Assumption a : d.assumptions()) {
                owners.put(a, d);
                if (!(a.signal().computation() instanceof Coverage)) {
                    List<String> questions = questions(file, a);
                    pending.put(a, CompletableFuture.supplyAsync(() -> assess(a, source, now, questions), executor));
                }
            }
        }
        Map<Assumption, AssumptionVerdict> verdicts = new LinkedHashMap<>();
        pending.forEach((a, verdict) -> verdicts.put(a, verdict.join()));
        for (Map.Entry<Assumption, Decision> e : owners.entrySet()) {
            if (e.getKey().signal().computation() instanceof Coverage) {
                verdicts.put(e.getKey(), coverage(e.getKey(), owners, verdicts, file));
            }
        }
        List<DecisionVerdict> decisions = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        for (Decision d : file.decisions()) {
            List<AssumptionVerdict> own = d.assumptions().stream().map(verdicts::get).toList();
            decisions.add(decide(d, own, today));
        }
        return new Evaluation(at, decisions);
    }

    /** One assumption; a failure to compute it costs that assumption its data, not the round. */
    private static AssumptionVerdict assess(Assumption a, Function<Assumption, Bound> source, long now,
                                            List<String> questions) {
        try {
            return Assessor.assess(a, source.apply(a), now, questions);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot evaluate " + a.signal().name() + " at " + a.position(), e);
            return new AssumptionVerdict(a, Verdict.NO_DATA, Double.NaN, null, Double.NaN,
                    "could not evaluate " + a.signal().name() + ": " + e, questions);
        }
    }

    private static DecisionVerdict decide(Decision d, List<AssumptionVerdict> assumptions, LocalDate today) {
        Verdict verdict = Verdict.HOLDS;
        String reason = assumptions.isEmpty() ? "no assumptions declared" : "every assumption holds";
        LocalDate due = d.reviewDue();
        if (due != null && !today.isBefore(due)) {
            verdict = Verdict.REVIEW_DUE;
            reason = "review due since " + due + " (every " + d.reviewEvery().toDays() + "d since "
                    + (d.lastReviewed() != null ? "the last review " + d.lastReviewed() : "the decision " + d.decided()) + ")";
        }
        for (AssumptionVerdict a : assumptions) {
            if (a.verdict().ordinal() > verdict.ordinal()) {
                verdict = a.verdict();
                reason = a.reason();
            }
        }
        return new DecisionVerdict(d, verdict, assumptions, due, reason);
    }

    /** Assumptions with data ÷ assumptions, over the other assumptions in the coverage scope. */
    private static AssumptionVerdict coverage(Assumption a, Map<Assumption, Decision> owners,
                                              Map<Assumption, AssumptionVerdict> verdicts, DecisionsFile file) {
        int all = 0;
        int withData = 0;
        for (Map.Entry<Assumption, Decision> e : owners.entrySet()) {
            AssumptionVerdict v = verdicts.get(e.getKey());
            Decision d = e.getValue();
            if (v == null || !a.scope().matches(key -> switch (key) {
                case "decision" -> d.id();
                case "area" -> d.area().key();
                default -> null;
            })) {
                continue;
            }
            all++;
            if (v.verdict() != Verdict.NO_DATA) {
                withData++;
            }
        }
        List<String> questions = questions(file, a);
        if (all == 0) {
            return new AssumptionVerdict(a, Verdict.NO_DATA, Double.NaN, null, Double.NaN,
                    "no assumptions in " + a.scope() + " to cover", questions);
        }
        double value = (double) withData / all;
        Threshold t = a.expect();
        String measured = "coverage = " + withData + "/" + all;
        Verdict verdict = !t.holds(value) ? Verdict.REVIEW
                : !t.holdsBy(value, a.warn().of(t)) ? Verdict.AT_RISK : Verdict.HOLDS;
        String reason = switch (verdict) {
            case REVIEW -> measured + " breaks " + t;
            case AT_RISK -> measured + " is within the warning margin (" + a.warn() + ") of " + t;
            default -> measured + " holds " + t;
        };
        return new AssumptionVerdict(a, verdict, value, null, Double.NaN, reason, questions);
    }

    private static List<String> questions(DecisionsFile file, Assumption a) {
        List<String> questions = new ArrayList<>(a.signal().questions());
        questions.addAll(file.questions().getOrDefault(a.signal().name(), List.of()));
        return List.copyOf(questions);
    }
}
