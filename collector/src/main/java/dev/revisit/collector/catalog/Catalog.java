package dev.revisit.collector.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixed, documented set of derived signals an assumption may name. */
public final class Catalog {

    private static final Catalog BUILT_IN = new Catalog(BuiltInSignals.all());

    private final Map<String, Signal> byName = new LinkedHashMap<>();

    private Catalog(List<Signal> signals) {
        for (Signal signal : signals) {
            byName.put(signal.name(), signal);
        }
    }

    public static Catalog builtIn() {
        return BUILT_IN;
    }

    public Optional<Signal> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every signal, in reference order. */
    public List<Signal> signals() {
        return List.copyOf(byName.values());
    }

    public java.util.Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
