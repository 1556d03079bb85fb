package dev.revisit.bench.agent.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.revisit.bench.agent.startup.AgentProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * What the agent adds to a Caffeine {@code getIfPresent} hit: the same call in a fork without
 * the agent ({@code bare}) and in one with it ({@code withAgent}), in the same run. A bounded
 * cache (the common kind, and the longer code path), statistics off, every key present.
 * The agent's path is relative: run from the repository root after building the agent.
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar CaffeineGetIfPresent -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CaffeineGetIfPresent {
    private static final int KEYS = 1 << 10;

    private Cache<Integer, String> cache;
    private Integer[] keys;
    private int next;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        // Timing before the agent finished installing would time an uninstrumented Caffeine.
        AgentProbe.awaitInstalled(60_000);
        cache = Caffeine.newBuilder().maximumSize(10_000).build();
        keys = new Integer[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = k;
            cache.put(k, "v" + k);
        }
    }

    @Benchmark
    @Fork(1)
    public String bare() {
        return hit();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    public String withAgent() {
        return hit();
    }

    private String hit() {
        int k = next;
        next = (k + 1) & (KEYS - 1);
        return cache.getIfPresent(keys[k]);
    }
}
