package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import dev.revisit.collector.store.MetricStore;
import dev.revisit.collector.store.Series;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The store's series, fetched once per metric and grouped by {@code service.name}, for one
 * evaluation round: a round asks the store for each metric once, not once per assumption, and
 * an assumption pinned to one service only looks at that service's series.
 */
public final class SeriesIndex {

    private static final String NO_SERVICE = "";

    private final MetricStore store;
    private final Map<String, Map<String, List<Series>>> byMetric = new HashMap<>();

    public SeriesIndex(MetricStore store) {
        this.store = store;
    }

    public MetricStore store() {
        return store;
    }

    /** A series and the source it was read as (which gives its unit factor and numerator test). */
    public record Resolved(Series series, Source source) {}

    /**
     * The series of {@code sources} in {@code scope}. Per service, the first source with data wins,
     * so a service that exports both the Revisit agent's metric and Micrometer's is not counted twice.
     */
    public List<Resolved> resolve(List<Source> sources, Scope scope) {
        Set<String> covered = new HashSet<>();
        List<Resolved> resolved = new ArrayList<>();
        for (Source source : sources) {
            Set<String> coveredHere = new HashSet<>();
            for (Series series : find(source, scope)) {
                String service = serviceOf(series.labels());
                if (!covered.contains(service)) {
                    resolved.add(new Resolved(series, source));
                    coveredHere.add(service);
                }
            }
            covered.addAll(coveredHere);
        }
        return resolved;
    }

    private List<Series> find(Source source, Scope scope) {
        Predicate<Labels> filter = scope.filter(source);
        if (filter == null) {
            return List.of();
        }
        Map<String, List<Series>> byService = byMetric.computeIfAbsent(source.metric(), this::load);
        String service = scope.exact("service.name");
        Collection<List<Series>> candidates = service == null
                ? byService.values()
                : List.of(byService.getOrDefault(service, List.of()));
        List<Series> found = new ArrayList<>();
        for (List<Series> group : candidates) {
            for (Series series : group) {
                if (series.kind() == source.kind() && source.members().test(series.labels())
                        && filter.test(series.labels())) {
                    found.add(series);
                }
            }
        }
        return found;
    }

    private Map<String, List<Series>> load(String metric) {
        Map<String, List<Series>> byService = new HashMap<>();
        for (Series series : store.find(metric, labels -> true)) {
            byService.computeIfAbsent(serviceOf(series.labels()), s -> new ArrayList<>()).add(series);
        }
        return byService;
    }

    private static String serviceOf(Labels labels) {
        String service = labels.get("service.name");
        return service == null ? NO_SERVICE : service;
    }
}
