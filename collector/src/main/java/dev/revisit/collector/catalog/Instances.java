package dev.revisit.collector.catalog;

import dev.revisit.collector.store.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** Groups series by the JVM that sent them: {@code service.name} + {@code service.instance.id}. */
final class Instances {

    private Instances() {}

    static String of(Labels labels) {
        return labels.get("service.name") + "\u0000" + labels.get("service.instance.id");
    }

    static Map<String, List<SeriesIndex.Resolved>> group(List<SeriesIndex.Resolved> series) {
        Map<String, List<SeriesIndex.Resolved>> byInstance = new LinkedHashMap<>();
        for (SeriesIndex.Resolved r : series) {
            byInstance.computeIfAbsent(of(r.series().labels()), k -> new ArrayList<>()).add(r);
        }
        return byInstance;
    }
}
