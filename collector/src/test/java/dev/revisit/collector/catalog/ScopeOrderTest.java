package dev.revisit.collector.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeOrderTest {

    private static Scope scope(String... keyValues) {
        Map<String, String> patterns = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            patterns.put(keyValues[i], keyValues[i + 1]);
        }
        return new Scope(patterns);
    }

    @Test
    void matchersAreRenderedInAttributeOrderWhateverTheFileOrder() {
        Scope written = scope("service.name", "catalog", "cache.name", "prod*", "deployment.environment.name", "prod");
        Scope reversed = scope("deployment.environment.name", "prod", "cache.name", "prod*", "service.name", "catalog");

        String query = PromQl.Selector.of(written).with();

        assertEquals("{cache_name=~\"prod.*\",deployment_environment_name=\"prod\",service_name=\"catalog\"}", query);
        assertEquals(query, PromQl.Selector.of(reversed).with());
    }

    @Test
    void withoutKeepsTheOrder() {
        Scope scope = scope("service.name", "catalog", "cache.name", "products", "api.version", "v2");

        assertEquals("{cache_name=\"products\",service_name=\"catalog\"}",
                PromQl.Selector.of(scope).without("api.version").with());
    }
}
