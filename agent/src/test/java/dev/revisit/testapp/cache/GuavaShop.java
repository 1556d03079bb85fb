package dev.revisit.testapp.cache;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.revisit.testapp.cache.CaffeineShop.KEYS;
import static dev.revisit.testapp.cache.CaffeineShop.READS;
import static dev.revisit.testapp.cache.CaffeineShop.check;

/** Guava's Cache and LoadingCache with known hits, misses and evictions (see {@link CaffeineShop}). */
public final class GuavaShop {

    public static void main(String[] args) throws ExecutionException {
        Cache<Integer, String> manual = manual();
        for (int k = 0; k < 90; k++) {
            manual.put(k, "v" + k);
        }
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(manual.getIfPresent(k), k < 90 ? "v" + k : null);
        }

        Cache<Integer, String> computed = computed();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(computed.get(k, () -> "v" + k), "v" + k);
        }

        LoadingCache<Integer, String> loading = loading();
        for (int i = 0; i < READS; i++) {
            int k = i % KEYS;
            check(i % 2 == 0 ? loading.get(k) : loading.getUnchecked(k), "v" + k);
        }

        // getAll: 10 loaded one by one (10 misses), then 20 asked at once: 10 hits, 10 misses.
        LoadingCache<Integer, String> bulk = bulk();
        List<Integer> twenty = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            if (k < 10) {
                bulk.get(k);
            }
            twenty.add(k);
        }
        check(String.valueOf(bulk.getAll(twenty).size()), "20");

        Cache<Integer, String> sized = sized();
        for (int k = 0; k < 100; k++) {
            sized.put(k, "v" + k);
        }
        check(String.valueOf(sized.size()), "10");
        sized.invalidateAll();

        AtomicLong now = new AtomicLong();
        Cache<Integer, String> expiring = expiring(new Ticker() {
            @Override
            public long read() {
                return now.get();
            }
        });
        for (int k = 0; k < 50; k++) {
            expiring.put(k, "v" + k);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(2));
        expiring.cleanUp();
        check(String.valueOf(expiring.size()), "0");

        LoadingCache<Integer, String> failing = failing();
        try {
            failing.getUnchecked(1);
            throw new AssertionError("the loader's exception was swallowed");
        } catch (UncheckedExecutionException expected) {
            check(expected.getCause().getMessage(), "no value for 1");
        }
        try {
            manual.getIfPresent(null);
            throw new AssertionError("a null key was accepted");
        } catch (NullPointerException expected) {
            // as without the agent
        }
        System.out.println("guava shop done");
    }

    static Cache<Integer, String> manual() {
        return CacheBuilder.newBuilder().maximumSize(10_000).build();
    }

    static Cache<Integer, String> computed() {
        return CacheBuilder.newBuilder().recordStats().build();
    }

    static LoadingCache<Integer, String> loading() {
        return CacheBuilder.newBuilder().build(CacheLoader.from(key -> "v" + key));
    }

    static LoadingCache<Integer, String> bulk() {
        return CacheBuilder.newBuilder().build(CacheLoader.from(key -> "v" + key));
    }

    static Cache<Integer, String> sized() {
        return CacheBuilder.newBuilder().maximumSize(10).concurrencyLevel(1).build();
    }

    static Cache<Integer, String> expiring(Ticker ticker) {
        return CacheBuilder.newBuilder().expireAfterWrite(1, TimeUnit.MINUTES).ticker(ticker).build();
    }

    static LoadingCache<Integer, String> failing() {
        return CacheBuilder.newBuilder().build(CacheLoader.from(key -> {
            throw new IllegalStateException("no value for " + key);
        }));
    }
}
