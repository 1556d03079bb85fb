package dev.revisit.bench.agent.redis;

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
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the agent adds to a Jedis {@code GET} against the real Redis on 127.0.0.1:6379: the same
 * read, a hit on a {@code catalog:...} key, in a fork without the agent ({@code bare}) and one
 * with it ({@code withAgent}), in the same run. The round trip dominates (tens of µs); the
 * agent's share is its advice on the reply plus one counter increment, and allocation per call
 * ({@code -prof gc}) shows whether it adds any. Run from the repository root after building the agent:
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar JedisGet -wi 3 -i 5 -w 2s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JedisGet {
    private Jedis jedis;
    private String key;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        // Timing before the agent finished installing would time an uninstrumented Jedis.
        AgentProbe.awaitInstalled(60_000);
        jedis = new Jedis("127.0.0.1", 6379);
        key = "catalog:revisit-bench-" + UUID.randomUUID() + ":1";
        jedis.set(key, "v1", SetParams.setParams().ex(600));
    }

    @TearDown(Level.Trial)
    public void close() {
        jedis.del(key);
        jedis.close();
    }

    @Benchmark
    @Fork(1)
    public String bare() {
        return jedis.get(key);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    public String withAgent() {
        return jedis.get(key);
    }
}
