package dev.revisit.bench.agent.executor;

import dev.revisit.bench.agent.startup.AgentProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code revisit.executor.queue.wait} adds per task: {@value #TASKS} distinct no-op tasks
 * submitted to a one-thread {@code ThreadPoolExecutor} and run to completion, in a fork without
 * the agent ({@code bare}), one with it ({@code withAgent}, one task in 8 timed) and one timing
 * every task ({@code withAgentEveryTask}), in the same run. Per-op time is per task, queue
 * hand-off included. {@code tasks=reused} submits the same {@value #TASKS} objects each time;
 * {@code tasks=fresh} a new one per submit, as applications do with lambdas (the same 16 B in
 * every fork; a fresh object has no identity hash yet). Run from the repository root after
 * building the agent:
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar ExecutorTask -f 3 -wi 3 -i 5 -w 1s -r 1s -prof gc -prof dev.revisit.bench.agent.jdbc.ProcessCpuProfiler
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutorTask {
    static final int TASKS = 1_000;

    @Param({"reused", "fresh"})
    public String tasks;

    private ThreadPoolExecutor pool;
    private Runnable[] reused;
    private boolean fresh;
    private final AtomicInteger done = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws Exception {
        AgentProbe.awaitInstalled(60_000);
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        reused = new Runnable[TASKS];
        for (int i = 0; i < TASKS; i++) {
            reused[i] = new Counting(done); // distinct objects, as real tasks are
        }
        fresh = tasks.equals("fresh");
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdownNow();
    }

    @Benchmark
    @Fork(1)
    @OperationsPerInvocation(TASKS)
    public int bare() {
        return submitAndAwait();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    @OperationsPerInvocation(TASKS)
    public int withAgent() {
        return submitAndAwait();
    }

    /** What sampling saves: the agent timing every task, as before sampling. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false",
            "-Drevisit.executor.sample.every=1"})
    @OperationsPerInvocation(TASKS)
    public int withAgentEveryTask() {
        return submitAndAwait();
    }

    private int submitAndAwait() {
        int target = done.get() + TASKS;
        if (fresh) {
            for (int i = 0; i < TASKS; i++) {
                pool.execute(new Counting(done));
            }
        } else {
            for (Runnable task : reused) {
                pool.execute(task);
            }
        }
        while (done.get() < target) {
            Thread.onSpinWait();
        }
        return target;
    }

    private static final class Counting implements Runnable {
        private final AtomicInteger done;

        Counting(AtomicInteger done) {
            this.done = done;
        }

        @Override
        public void run() {
            done.incrementAndGet();
        }
    }
}
