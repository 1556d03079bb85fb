package dev.revisit.collector.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads like the catalog reference: one signal's definition, field by field. */
final class SignalBuilder {

    private final String name;
    private final Unit unit;
    private final Set<Area> areas;
    private String description = "";
    private String aggregation = "";
    private final Set<String> scopeKeys = new LinkedHashSet<>(Signal.RESOURCE_KEYS);
    private final Set<String> requiredScope = new LinkedHashSet<>();
    private final List<String> questions = new ArrayList<>();
    private PromQl promql;

    private SignalBuilder(String name, Unit unit, Area first, Area... more) {
        this.name = name;
        this.unit = unit;
        this.areas = EnumSet.of(first, more);
    }

    static SignalBuilder signal(String name, Unit unit, Area first, Area... more) {
        return new SignalBuilder(name, unit, first, more);
    }

    SignalBuilder is(String what) {
        this.description = what;
        return this;
    }

    SignalBuilder aggregates(String how) {
        this.aggregation = how;
        return this;
    }

    SignalBuilder scopedBy(String... keys) {
        scopeKeys.addAll(List.of(keys));
        return this;
    }

    /** Replaces the resource keys: for signals not computed over resource-attributed series. */
    SignalBuilder scopedOnlyBy(String... keys) {
        scopeKeys.clear();
        scopeKeys.addAll(List.of(keys));
        return this;
    }

    SignalBuilder requires(String key) {
        scopeKeys.add(key);
        requiredScope.add(key);
        return this;
    }

    SignalBuilder asks(String... reviewQuestions) {
        questions.addAll(List.of(reviewQuestions));
        return this;
    }

    SignalBuilder promql(PromQl query) {
        this.promql = query;
        return this;
    }

    Signal computedBy(Computation computation) {
        return new Signal(name, unit, Set.copyOf(areas), description, aggregation, Set.copyOf(scopeKeys),
                Set.copyOf(requiredScope), List.copyOf(questions), promql, computation);
    }
}
