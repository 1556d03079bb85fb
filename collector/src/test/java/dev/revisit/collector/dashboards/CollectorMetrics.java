package dev.revisit.collector.dashboards;

import java.util.Set;

/**
 * What the dashboards and alert rules read from the collector's own /metrics besides the
 * signals contract. dashboards/README.md states each with its labels; the collector service
 * must expose exactly these.
 */
final class CollectorMetrics {

    private CollectorMetrics() {}

    static final Set<String> NAMES = Set.of(
            "revisit_decision_info",
            "revisit_decision_verdict",
            "revisit_assumption_value",
            "revisit_assumption_threshold",
            "revisit_assumption_has_data");
}
