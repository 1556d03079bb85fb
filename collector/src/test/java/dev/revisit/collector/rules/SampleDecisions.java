package dev.revisit.collector.rules;

/**
 * A decisions file whose assumptions the synthetic series of {@link RulesOnPromtoolTest} hold, break,
 * or leave without data — each decision named after what its series do to it.
 */
final class SampleDecisions {

    private SampleDecisions() {}

    static final String YAML = """
            questions:
              cache.hit_ratio:
                - Did the catalogue grow past 200,000 items?
            decisions:
              - id: CACHE-HOLDS
                title: Cache catalog lookups in Caffeine
                area: caching
                owner: team-catalog
                decided: 2026-03-02
                link: docs/adr/0012-catalog-cache.md
                questions:
                  - Is Caffeine still the right place for this cache?
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: catalog, cache.name: products }
                    expect: ">= 0.85"
                    window: 5m
                    for: 10m
              - id: CACHE-BROKEN
                title: Cache search results
                area: caching
                owner: team-search
                decided: 2026-03-02
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { cache.name: results, service.name: search }
                    expect: ">= 0.85"
                    window: 5m
                    for: 10m
              - id: DB-BROKEN
                title: Postgres for the catalog
                area: storage
                owner: team-catalog
                decided: 2026-01-10
                assumptions:
                  - signal: queue.lag.messages
                    scope: { messaging.consumer.group.name: billing }
                    expect: "< 1000"
                    window: 5m
                    for: 5m
                  - signal: db.latency.p99
                    scope: { service.name: catalog }
                    expect: "< 50ms"
                    window: 5m
                    for: 5m
              - id: GAP
                title: HTTP errors stay rare
                area: api
                owner: team-edge
                decided: 2026-01-10
                assumptions:
                  - signal: http.error_ratio
                    scope: { service.name: nowhere }
                    expect: "< 0.01"
                    for: 5m
              - id: IDLE
                title: Cache an idle thing
                area: caching
                decided: 2026-01-10
                assumptions:
                  - signal: cache.hit_ratio
                    scope: { service.name: idle, cache.name: c }
                    expect: ">= 0.5"
                    for: 5m
            """;

    /**
     * One hour of series at one-minute steps: the catalog cache hits 90 %, the search cache 50 %,
     * billing lags 200 messages, every catalog database operation takes 50–100 ms, the idle
     * cache sees no lookups at all (0 ÷ 0), and nothing serves HTTP for "nowhere".
     */
    static final String SERIES = """
              - series: 'revisit_cache_requests_total{service_name="catalog",cache_name="products",cache_result="hit"}'
                values: '0+90x60'
              - series: 'revisit_cache_requests_total{service_name="catalog",cache_name="products",cache_result="miss"}'
                values: '0+10x60'
              - series: 'revisit_cache_requests_total{service_name="search",cache_name="results",cache_result="hit"}'
                values: '0+50x60'
              - series: 'revisit_cache_requests_total{service_name="search",cache_name="results",cache_result="miss"}'
                values: '0+50x60'
              - series: 'revisit_cache_requests_total{service_name="idle",cache_name="c",cache_result="hit"}'
                values: '0x60'
              - series: 'revisit_cache_requests_total{service_name="idle",cache_name="c",cache_result="miss"}'
                values: '0x60'
              - series: 'revisit_messaging_consumer_lag{messaging_consumer_group_name="billing",messaging_destination_partition_id="0"}'
                values: '200x60'
              - series: 'db_client_operation_duration_seconds_bucket{service_name="catalog",le="0.05"}'
                values: '0x60'
              - series: 'db_client_operation_duration_seconds_bucket{service_name="catalog",le="0.1"}'
                values: '0+100x60'
              - series: 'db_client_operation_duration_seconds_bucket{service_name="catalog",le="+Inf"}'
                values: '0+100x60'
            """;
}
