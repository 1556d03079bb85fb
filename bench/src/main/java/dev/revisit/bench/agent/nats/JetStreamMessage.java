package dev.revisit.bench.agent.nats;

import dev.revisit.bench.agent.startup.AgentProbe;
import io.nats.client.Message;
import io.nats.client.impl.HandOff;
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
 * What the agent adds per JetStream message a subscription hands to the application: jnats'
 * own {@code MessageManager.manage} (where the agent's advice sits) in a fork without the agent
 * and in one with it, in the same run; no server, so nothing but the client's code is timed.
 * <ul>
 *   <li>{@code handOff}: messages whose metadata the client already parsed (a pool, reused) —
 *       the hand-off alone, so the agent's share shows; {@code handOffBareReadingTheClock} adds
 *       the one clock read the agent needs per message, for what the agent adds beyond it;</li>
 *   <li>{@code receive}: a fresh message per operation, built by the client's own factory and
 *       parsed, as on the wire — the whole receive path, for the ratio an application sees.</li>
 * </ul>
 * Run from the repository root after building the agent (on a shared machine read the
 * process-CPU ns/op, {@code cpu.process.norm}, rather than wall time):
 * <pre>
 * java -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar JetStreamMessage.handOff -wi 4 -i 10 -w 1s -r 500ms \
 *     -prof gc -prof dev.revisit.bench.agent.jdbc.ProcessCpuProfiler
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JetStreamMessage {
    private static final int POOL = 1 << 10;
    private static final String AGENT = "-javaagent:agent/target/revisit-agent.jar";

    private Object manager;
    private Message[] parsed;
    private long storedEpochNanos;
    private long sequence;
    private int next;

    @Setup(Level.Trial)
    public void subscribe() throws Exception {
        // Timing before the agent finished installing would time an uninstrumented client.
        AgentProbe.awaitInstalled(60_000);
        manager = HandOff.manager();
        storedEpochNanos = (System.currentTimeMillis() - 1_000L) * 1_000_000L;
        parsed = new Message[POOL];
        for (int i = 0; i < POOL; i++) {
            parsed[i] = HandOff.message(i + 1, storedEpochNanos, POOL - i);
            parsed[i].metaData();
        }
    }

    @Benchmark
    @Fork(1)
    public boolean handOffBare() {
        return handOff();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AGENT, "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    public boolean handOffWithAgent() {
        return handOff();
    }

    /** The hand-off plus one clock read, without the agent: the agent must read the clock per message to time it. */
    @Benchmark
    @Fork(1)
    public long handOffBareReadingTheClock() {
        return handOff() ? System.currentTimeMillis() : 0L;
    }

    @Benchmark
    @Fork(1)
    public boolean receiveBare() {
        return receive();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AGENT, "-Drevisit.exporter=none", "-Drevisit.jvm.enabled=false"})
    public boolean receiveWithAgent() {
        return receive();
    }

    private boolean handOff() {
        int i = next;
        next = (i + 1) & (POOL - 1);
        return HandOff.handOff(manager, parsed[i]);
    }

    private boolean receive() {
        long seq = ++sequence;
        return HandOff.handOff(manager, HandOff.message(seq, storedEpochNanos, 1_000_000L - seq));
    }
}
