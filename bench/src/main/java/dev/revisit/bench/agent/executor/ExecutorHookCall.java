package dev.revisit.bench.agent.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
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

/**
 * What the executor hook does per task — {@code submitted(task)} as {@code execute()}'s advice
 * calls it, then {@code started(pool, task)} as {@code getTask()}'s does — on one thread, without
 * the hand-off to a worker that {@link ExecutorTask} includes and that swings by thousands of ns
 * on a busy machine. Each invocation submits {@value #BATCH} tasks in rounds of {@code depth}
 * and starts each round in order, as a FIFO queue {@code depth} deep would: {@code depth=1000}
 * keeps the agent's table of chosen tasks full (≈ 125 chosen waiting for 64 slots), its worst
 * case. Baselines in the same forks: the same calls on the do-nothing hook the advice calls
 * before the agent installs, and two {@code System.nanoTime()} calls (what timing every task
 * costs at least). {@code agentHookEveryTask} runs in forks with {@code revisit.executor.sample.every=1}.
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar ExecutorHookCall -f 2 -wi 3 -i 5 -w 1s -r 1s -prof gc -prof dev.revisit.bench.agent.jdbc.ProcessCpuProfiler
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
public class ExecutorHookCall {
    static final int BATCH = 1_000;

    @Param({"1", "1000"})
    public int depth;

    /** {@code reused}: the same objects every invocation (identity hashes set); {@code fresh}: new ones, as lambdas are. */
    @Param({"reused", "fresh"})
    public String tasks;

    private ThreadPoolExecutor pool;
    private ExecutorHook agent;
    private final ExecutorHook noop = new ExecutorHook() {};
    private Object[] round;
    private Object[] reused;
    private boolean fresh;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (!AgentProbe.awaitInstalled(180_000)) {
            throw new IllegalStateException("run with the agent attached (the @Fork annotation does, from the repository root)");
        }
        agent = ExecutorHook.get();
        if (!agent.getClass().getName().endsWith(".QueueWait")) {
            throw new IllegalStateException("the agent did not install its executor hook: " + agent.getClass());
        }
        pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        round = new Object[depth];
        reused = new Object[BATCH];
        for (int i = 0; i < BATCH; i++) {
            reused[i] = new Object();
        }
        fresh = tasks.equals("fresh");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baselineNoopHook() {
        return submitAndStart(noop);
    }

    /** The floor of timing every task: two clock reads (plus the same allocation under {@code fresh}). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long baselineTwoNanoTimes() {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            Object task = fresh ? new Object() : reused[i];
            long start = System.nanoTime();
            sum += System.nanoTime() - start + (task == null ? 1 : 0);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int agentHook() {
        return submitAndStart(agent);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-javaagent:agent/target/revisit-agent.jar", "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false",
            "-Drevisit.executor.sample.every=1"})
    @OperationsPerInvocation(BATCH)
    public int agentHookEveryTask() {
        return submitAndStart(agent);
    }

    private int submitAndStart(ExecutorHook hook) {
        Object[] queue = round;
        int n = 0;
        for (int i = 0; i < BATCH; i++) {
            Object task = fresh ? new Object() : reused[i];
            hook.submitted(task);
            queue[n++] = task;
            if (n == queue.length) {
                for (int j = 0; j < n; j++) {
                    hook.started(pool, queue[j]);
                }
                n = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            hook.started(pool, queue[j]);
        }
        return n;
    }
}
