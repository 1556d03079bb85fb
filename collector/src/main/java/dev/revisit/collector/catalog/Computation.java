package dev.revisit.collector.catalog;

import java.util.List;

/** How a signal is computed over the store. */
public interface Computation {

    /** Resolves the scope's series once, so that evaluating many windows does not search again. */
    Bound bind(SeriesIndex index, Scope scope);

    /** The metrics read, preferred first, for the docs and the schema. */
    List<Source> sources();
}
