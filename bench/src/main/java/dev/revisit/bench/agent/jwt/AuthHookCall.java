package dev.revisit.bench.agent.jwt;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import dev.revisit.agent.bootstrap.auth.AuthHook;
import dev.revisit.bench.agent.http.InMemoryExchange;
import dev.revisit.bench.agent.startup.AgentProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the agent's auth hook does around one JWT verification — the enter/exit pair the
 * {@code jwt} advice calls — inside a request, where it times and records (outside one it
 * returns at once). {@link JwtVerification} measures the same end to end, but a verification
 * takes µs that swing by more than the tens of ns at stake on a busy machine; here the
 * baselines are the same pair on the do-nothing hook the advice calls before the agent
 * installs, and two {@code System.nanoTime()} calls, all in the same forks. Each invocation
 * is one in-memory JDK {@code HttpServer} request running {@value #BATCH} pairs; scores are
 * per pair. Not counted: the inlined advice glue (a static volatile read and a call).
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar agent.jwt.AuthHookCall -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
public class AuthHookCall {
    static final int BATCH = 1000;

    private InMemoryExchange agentPairs;
    private InMemoryExchange noopPairs;
    private InMemoryExchange clockPairs;
    private long sink;

    @Setup
    public void setUp() throws Exception {
        if (!AgentProbe.awaitInstalled(180_000)) {
            throw new IllegalStateException("run with the agent attached (the @Fork annotation does, from the repository root)");
        }
        AuthHook agent = AuthHook.get();
        if (!agent.getClass().getName().endsWith(".AuthMetrics")) {
            throw new IllegalStateException("the agent did not install its auth hook: " + agent.getClass());
        }
        agentPairs = new InMemoryExchange(pairs(agent));
        noopPairs = new InMemoryExchange(pairs(new AuthHook() {}));
        clockPairs = new InMemoryExchange(ex -> {
            long s = 0;
            for (int i = 0; i < BATCH; i++) {
                long start = System.nanoTime();
                s += System.nanoTime() - start;
            }
            sink += s;
            ex.sendResponseHeaders(200, -1);
        });
        sink = 0;
        run(agentPairs);
        if (sink == 0) {
            throw new IllegalStateException("the hook timed nothing: the in-memory request is not seen as a request");
        }
    }

    private HttpHandler pairs(AuthHook hook) {
        return ex -> {
            long s = 0;
            for (int i = 0; i < BATCH; i++) {
                Object frame = hook.enter(AuthHook.JWT);
                hook.exit(frame, false);
                if (frame != null) {
                    s++;
                }
            }
            sink += s;
            ex.sendResponseHeaders(200, -1);
        };
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long baselineNoopHook() throws Exception {
        return run(noopPairs);
    }

    /** The floor of any agent that times a call: two clock reads. On this VM the clock is most of the cost. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long baselineTwoNanoTimes() throws Exception {
        return run(clockPairs);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long agentHook() throws Exception {
        return run(agentPairs);
    }

    private long run(InMemoryExchange exchange) throws Exception {
        exchange.reset();
        new Filter.Chain(List.of(), exchange.handler()).doFilter(exchange);
        return exchange.getResponseCode() + sink;
    }
}
