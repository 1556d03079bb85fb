package dev.revisit.agent.bootstrap.cache;

/**
 * What cache advice calls (Caffeine, Guava, JCache, Spring's cache abstraction). Every method
 * is a no-op until the agent installs the real hook. A read is bracketed: {@link #enter}
 * returns the thread's call state (or null when the read is not counted), and one of the
 * {@code exit*} methods takes it back with what the read found.
 */
public abstract class CacheHook {
    private static volatile CacheHook current = new CacheHook() {};

    public static CacheHook get() {
        return current;
    }

    public static void install(CacheHook hook) {
        current = hook;
    }

    /** Entering a read of {@code cache}; {@code system} is the {@code cache.system} value, a constant. */
    public Object enter(String system, Object cache) {
        return null;
    }

    /**
     * Entering a single-key read whose result alone says hit or miss ({@code getIfPresent}); left
     * through {@link #exit}. Cheaper than {@link #enter} when no other read is open on the thread.
     */
    public Object enterByResult(String system, Object cache) {
        return null;
    }

    /** Leaving a single-key read: {@code found} is a hit, otherwise a miss; a throw counts nothing. */
    public void exit(Object call, boolean found, Throwable thrown) {}

    /**
     * Entering a read that loads through {@code loader} on a miss (Spring's {@code get(key, Callable)},
     * so {@code @Cacheable(sync = true)}): returns a stand-in for the loader, a {@code Callable}
     * that notes whether it ran, for the advice to pass on instead; null leaves the call as it is.
     * Left through {@link #loaded}.
     */
    public Object loading(String system, Object cache, Object loader) {
        return null;
    }

    /** Leaving such a read: the stand-in ran, a miss; it did not, a hit; a throw counts nothing. */
    public void loaded(Object standIn, Throwable thrown) {}

    /** Leaving a bulk read that asked for {@code requested} keys and found {@code found}. */
    public void exitBulk(Object call, int requested, int found, Throwable thrown) {}

    /**
     * Leaving a read whose hits and misses the library itself reported meanwhile through
     * {@link #libraryHits}/{@link #libraryMisses} (its stats counter, called whether or not
     * the application enabled statistics).
     */
    public void exitReported(Object call) {}

    public void libraryHits(int count) {}

    public void libraryMisses(int count) {}

    /** A cache was built; the hook names it after the application code that built it. */
    public void created(String system, Object cache) {}

    /**
     * The library removed an entry for {@code cause} (its {@code RemovalCause} enum); only
     * evictions (size, expiry, collected) count, explicit removals and replacements do not.
     */
    public void removed(String system, Object cache, Object cause) {}

    /**
     * The library evicted an entry from {@code storage} by size or expiry (its own eviction and
     * expiration statistics count the same calls); counted only when {@code storage} is known as
     * the storage of some cache.
     */
    public void evicted(String system, Object storage) {}
}
