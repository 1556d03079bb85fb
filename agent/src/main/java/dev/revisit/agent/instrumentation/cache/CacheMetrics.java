package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.bootstrap.cache.CacheHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.recorder.Counter;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache hook: {@code revisit.cache.requests} and {@code revisit.cache.evictions} for every
 * instrumented cache library, shared by their modules. Each read pushes a frame on a per-thread
 * stack ({@link CacheCalls}); its exit counts a hit or a miss unless the cache is the storage of
 * an outer, named layer ({@link BackingCaches}), so a Spring cache over JCache over Caffeine
 * counts each lookup once, as Spring.
 */
public final class CacheMetrics extends CacheHook {
    static final String REQUESTS = "revisit.cache.requests";
    static final String EVICTIONS = "revisit.cache.evictions";
    /** Past this many live caches, further ones count under {@code other}. */
    static final int MAX_CACHES = 10_000;

    private static CacheMetrics installed;

    private final Counter requests;
    private final Counter evictions;
    private final CacheNames names;
    private final WeakIdentityMap<CacheSeries> caches = new WeakIdentityMap<>(MAX_CACHES);
    private final Map<String, CacheSeries> overflow = new ConcurrentHashMap<>();
    private final ThreadCalls threads = new ThreadCalls();

    CacheMetrics(ModuleContext context) {
        this.requests = context.recorder().counter(REQUESTS, "{request}",
                "Cache reads by result: hit when the value was there, miss when it was absent or had to be loaded",
                "cache.system", "cache.name", "cache.result");
        this.evictions = context.recorder().counter(EVICTIONS, "{entry}",
                "Entries the cache evicted by size, expiry or garbage collection (explicit removals excluded)",
                "cache.system", "cache.name");
        this.names = CacheNames.fromConfig(context.config());
    }

    /** Every cache module calls this from its start; the first one installs the shared hook. */
    public static synchronized CacheMetrics install(ModuleContext context) {
        if (installed == null) {
            installed = new CacheMetrics(context);
            CacheHook.install(installed);
        }
        return installed;
    }

    /**
     * Whether this thread is inside a read of a named layer (Spring, JCache) or of the storage
     * under one: a Redis read there is that layer's lookup, which the layer counts.
     */
    boolean insideNamedLayer() {
        CacheCalls calls = threads.current();
        if (calls.depth == 0) {
            return false;
        }
        CacheSeries innermost = calls.series[calls.depth - 1];
        return innermost.backs != null || BackingCaches.isNamedLayer(innermost.system);
    }

    /** The series of a cache known by name only (a Redis key prefix), renamed as configured. */
    CacheSeries namedSeries(String system, String name) {
        return new CacheSeries(null, system, names.renamed(name), requests, evictions);
    }

    @Override
    public Object enter(String system, Object cache) {
        CacheCalls calls = threads.current();
        return push(calls, seriesOf(calls, system, cache));
    }

    /**
     * The hit path of {@code getIfPresent}: with no read open on this thread, no frame is pushed
     * (what the library reports meanwhile finds no frame and is dropped) and the exit counts the
     * result; inside another read it is an ordinary frame, so the outer read's count stays its own.
     */
    @Override
    public Object enterByResult(String system, Object cache) {
        CacheCalls calls = threads.current();
        CacheSeries series = seriesOf(calls, system, cache);
        return calls.depth == 0 ? series : push(calls, series);
    }

    private CacheSeries seriesOf(CacheCalls calls, String system, Object cache) {
        CacheSeries series = calls.last;
        if (series == null || !series.isFor(cache)) {
            series = resolve(system, cache);
            calls.last = series;
        }
        return series;
    }

    private static Object push(CacheCalls calls, CacheSeries series) {
        if (calls.depth == CacheCalls.MAX_DEPTH || calls.reading(series)) {
            return CacheCalls.NESTED;
        }
        calls.push(series);
        return calls;
    }

    @Override
    public void exit(Object call, boolean found, Throwable thrown) {
        if (call instanceof CacheSeries series) {
            if (thrown == null && series.backs == null) {
                if (found) {
                    series.hits(1);
                } else {
                    series.misses(1);
                }
            }
        } else if (call instanceof CacheCalls calls && calls.depth > 0) {
            CacheSeries series = calls.pop();
            if (thrown == null && series.backs == null) {
                if (found) {
                    series.hits(1);
                } else {
                    series.misses(1);
                }
            }
        }
    }

    @Override
    public Object loading(String system, Object cache, Object loader) {
        if (!(loader instanceof Callable<?> callable)) {
            return null;
        }
        CacheCalls calls = threads.current();
        CacheSeries series = seriesOf(calls, system, cache);
        // The storage of an outer layer is not counted: no stand-in, nothing allocated. A frame, so
        // that an implementation answering through its own get(key) first counts once.
        if (series.backs != null) {
            return null;
        }
        LoadProbe probe = new LoadProbe(callable, series);
        return push(calls, series) == CacheCalls.NESTED ? null : probe;
    }

    @Override
    public void loaded(Object standIn, Throwable thrown) {
        if (!(standIn instanceof LoadProbe probe)) {
            return;
        }
        CacheCalls calls = threads.current();
        if (calls.depth > 0) {
            calls.pop();
        }
        if (thrown == null) {
            if (probe.ran()) {
                probe.series.misses(1);
            } else {
                probe.series.hits(1);
            }
        }
    }

    @Override
    public void exitBulk(Object call, int requested, int found, Throwable thrown) {
        if (call instanceof CacheCalls calls && calls.depth > 0) {
            CacheSeries series = calls.pop();
            if (thrown == null && series.backs == null && requested >= found && found >= 0) {
                if (found > 0) {
                    series.hits(found);
                }
                if (requested > found) {
                    series.misses(requested - found);
                }
            }
        }
    }

    @Override
    public void exitReported(Object call) {
        if (call instanceof CacheCalls calls && calls.depth > 0) {
            int frame = calls.depth - 1;
            int hits = calls.hits[frame];
            int misses = calls.misses[frame];
            CacheSeries series = calls.pop();
            if (series.backs == null) {
                if (hits > 0) {
                    series.hits(hits);
                }
                if (misses > 0) {
                    series.misses(misses);
                }
            }
        }
    }

    @Override
    public void libraryHits(int count) {
        CacheCalls calls = threads.current();
        if (calls.depth > 0 && count > 0) {
            calls.hits[calls.depth - 1] += count;
        }
    }

    @Override
    public void libraryMisses(int count) {
        CacheCalls calls = threads.current();
        if (calls.depth > 0 && count > 0) {
            calls.misses[calls.depth - 1] += count;
        }
    }

    @Override
    public void created(String system, Object cache) {
        resolve(system, cache);
    }

    @Override
    public void removed(String system, Object cache, Object cause) {
        if (cause instanceof Enum<?> removal && isEviction(removal.name())) {
            resolve(system, cache).evicted();
        }
    }

    @Override
    public void evicted(String system, Object storage) {
        // Unknown storage is not named after whoever happened to trigger the eviction: a tier
        // inside a tiered store (whose evictions move entries down a tier) or an unwrapped one.
        CacheSeries series = caches.get(storage);
        if (series != null) {
            series.evicted();
        }
    }

    /** Caffeine's and Guava's {@code RemovalCause}: EXPLICIT and REPLACED are the application's doing. */
    static boolean isEviction(String cause) {
        return cause.equals("SIZE") || cause.equals("EXPIRED") || cause.equals("COLLECTED");
    }

    private CacheSeries resolve(String system, Object cache) {
        CacheSeries series = caches.get(cache);
        if (series != null) {
            return series;
        }
        if (caches.size() >= MAX_CACHES) {
            // Every read of an unremembered cache comes here: look up before computing, no lambda per read.
            CacheSeries other = overflow.get(system);
            return other != null ? other : overflow.computeIfAbsent(system, s -> new CacheSeries(null, s, "other", requests, evictions));
        }
        series = new CacheSeries(cache, system, names.nameOf(system, cache), requests, evictions);
        caches.put(cache, series);
        if (BackingCaches.isNamedLayer(system)) {
            BackingCaches.markInner(cache, series, this::seriesOf);
        }
        return series;
    }

    /** An inner cache's series for marking it as backing; named like the outer layer, never counted under it. */
    private CacheSeries seriesOf(Object inner, CacheSeries outer) {
        CacheSeries series = caches.get(inner);
        if (series == null) {
            series = new CacheSeries(inner, outer.system, outer.name, requests, evictions);
            caches.put(inner, series);
        }
        return series;
    }
}
