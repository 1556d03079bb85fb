package dev.revisit.collector.catalog;

import java.util.List;

/** A computation over one list of sources, preferred first. */
abstract class OverSources implements Computation {

    protected final List<Source> sources;

    OverSources(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public final List<Source> sources() {
        return sources;
    }
}
