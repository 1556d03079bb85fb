package dev.revisit.collector.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.revisit.collector.store.HistogramWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void quantileInterpolatesInsideTheBucketLikePromQl() {
        HistogramWindow h = new HistogramWindow(new double[] {1, 2, 4}, new long[] {10, 10, 20, 0}, 0, 40);
        assertEquals(0.5, Histograms.quantile(0.125, h), 1e-12);  // rank 5 of the first 10 in (0, 1]
        assertEquals(1.5, Histograms.quantile(0.375, h), 1e-12);
        assertEquals(3.0, Histograms.quantile(0.75, h), 1e-12);
        HistogramWindow overflow = new HistogramWindow(new double[] {1, 2}, new long[] {1, 1, 8}, 0, 10);
        assertEquals(2.0, Histograms.quantile(0.99, overflow), 1e-12); // the largest finite bound
        assertTrue(Double.isNaN(Histograms.quantile(0.5, new HistogramWindow(new double[] {1}, new long[] {0, 0}, 0, 0))));
        assertTrue(Double.isNaN(Histograms.quantile(0.5, new HistogramWindow(new double[0], new long[] {5}, 1, 5))));
    }

    @Test
    void mergingDifferentBoundsNeverMovesAnObservationBelowItsBucket() {
        HistogramWindow a = new HistogramWindow(new double[] {1, 4}, new long[] {2, 2, 0}, 5, 4);
        HistogramWindow b = new HistogramWindow(new double[] {2, 4}, new long[] {3, 1, 1}, 7, 5);
        HistogramWindow merged = Histograms.merge(List.of(a, b));
        assertArrayEquals(new double[] {1, 2, 4}, merged.bounds());
        // cumulative at 1: a 2, b 0; at 2: a 2, b 3; at 4: a 4, b 4; all: 9
        assertArrayEquals(new long[] {2, 3, 3, 1}, merged.counts());
        assertEquals(12, merged.sum(), 1e-12);
        assertEquals(9, merged.count());
    }

    @Test
    void scopesRenderAsPrometheusMatchers() {
        Scope scope = new Scope(java.util.Map.of("service.name", "cat*", "cache.name", "products"));
        String q = Catalog.builtIn().get("cache.request_rate").orElseThrow().promql().render(PromQl.Selector.of(scope), "5m");
        assertTrue(q.equals("sum(rate(revisit_cache_requests_total{service_name=~\"cat.*\",cache_name=\"products\"}[5m]))")
                || q.equals("sum(rate(revisit_cache_requests_total{cache_name=\"products\",service_name=~\"cat.*\"}[5m]))"), q);
        assertEquals("sum(rate(revisit_cache_requests_total{cache_result=\"hit\",<scope>}[<window>]))"
                        + " / sum(rate(revisit_cache_requests_total{<scope>}[<window>]))",
                Catalog.builtIn().get("cache.hit_ratio").orElseThrow().promqlTemplate());
    }

    @Test
    void anEmptyScopeRendersNoBraces() {
        assertEquals("1 - max(avg_over_time(jvm_cpu_recent_utilization_ratio[1h]))",
                Catalog.builtIn().get("jvm.cpu.headroom").orElseThrow().promql().render(PromQl.Selector.of(Scope.ALL), "1h"));
    }

    @Test
    void globsMatchAnyRunOfCharacters() {
        assertTrue(Scope.glob("orders.*").matcher("orders.eu").matches());
        assertTrue(!Scope.glob("orders.*").matcher("ordersXeu").matches());
        assertTrue(Scope.glob("*-api").matcher("catalog-api").matches());
        assertTrue(Scope.glob("a*b*c").matcher("aXbYc").matches());
        assertTrue(Scope.glob("*").matcher("").matches());
    }
}
