package dev.revisit.collector.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.decisions.DecisionsReader;
import io.micrometer.core.instrument.Tags;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource labels the per-assumption gauges carry, which the dashboards filter by. */
class DecisionGaugesTest {

    private static final String DECISIONS = """
            decisions:
              - id: ENV
                title: Cache products
                area: caching
                decided: 2026-01-01
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: shop, deployment.environment.name: prod }
                    expect: ">= 0.5"
                  - signal: cache.hit_ratio
                    scope: { service.name: shop, deployment.environment: staging }
                    expect: ">= 0.5"
                  - signal: cache.hit_ratio
                    scope: { deployment.environment: legacy, deployment.environment.name: prod }
                    expect: ">= 0.5"
                  - signal: cache.hit_ratio
                    scope: { deployment.environment.name: "prod*" }
                    expect: ">= 0.5"
            """;

    @Test
    void theEnvironmentLabelComesFromEitherAttributeTheNewerWinning() throws Exception {
        Decision decision = new DecisionsReader(Catalog.builtIn()).read("d.yaml", new StringReader(DECISIONS)).decisions().get(0);
        List<String> environments = new java.util.ArrayList<>();
        for (int i = 0; i < decision.assumptions().size(); i++) {
            Tags tags = DecisionGauges.assumptionTags(decision, i + 1, decision.assumptions().get(i));
            environments.add(tags.stream().filter(t -> t.getKey().equals("deployment_environment_name"))
                    .findFirst().orElseThrow().getValue());
        }
        // a wildcard pins nothing: empty, which Prometheus stores as absent
        assertEquals(List.of("prod", "staging", "prod", ""), environments);
    }
}
