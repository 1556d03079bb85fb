package dev.revisit.bench.agent.recorder;

import dev.revisit.agent.recorder.Counter;
import dev.revisit.agent.recorder.CounterSeries;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.HistogramSeries;
import dev.revisit.agent.recorder.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One recorder call as the agent's advice makes it, on a series handle resolved once, next
 * to the cheapest thread-safe count the JDK offers ({@link LongAdder}) and to one and two
 * atomic adds on an {@link AtomicLongArray} (what a histogram record was before ADR 0019),
 * measured in the same run. Run with {@code -prof gc}: the hot path must allocate nothing. The recorder classes
 * are the agent's own, bundled (relocated) into benchmarks.jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecorderCall {
    /** Durations from 1 µs to 1 s, log-uniform, so records land in every bucket as real ones do. */
    private static final int SAMPLES = 1024;

    private final long[] durations = new long[SAMPLES];
    private final LongAdder adder = new LongAdder();
    /** As many cells as the duration histogram has buckets, plus one for a sum. */
    private final AtomicLongArray cells = new AtomicLongArray(32);
    private Histogram histogram;
    private HistogramSeries histogramSeries;
    private CounterSeries counterSeries;
    private String[] attributeValues;

    /** Each thread walks the samples on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        long next(long[] samples) {
            int i = next;
            next = (i + 1) & (SAMPLES - 1);
            return samples[i];
        }
    }

    @Setup
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < SAMPLES; i++) {
            durations[i] = (long) Math.pow(10, 3 + 6 * random.nextDouble());
        }
        Recorder recorder = new Recorder(100, 2000);
        // The agent's own JDBC metric: same name, attributes and buckets.
        histogram = recorder.durationHistogram("db.client.operation.duration", "bench",
                "db.system.name", "db.namespace", "db.operation.name", "db.collection.name", "server.address", "error.type");
        attributeValues = new String[] {"h2", "bench", "SELECT", "t", null, null};
        histogramSeries = histogram.series(attributeValues);
        Counter counter = recorder.counter("revisit.cache.requests", "{request}", "bench", "cache.system", "cache.name", "cache.result");
        counterSeries = counter.series("caffeine", "products", "hit");
    }

    @Benchmark
    public void baselineLongAdderIncrement() {
        adder.increment();
    }

    /** The baseline for {@link #histogramRecord}: the same sample walk, into a {@link LongAdder}. */
    @Benchmark
    public void baselineLongAdderAdd(Cursor cursor) {
        adder.add(cursor.next(durations));
    }

    /** A floor for {@link #histogramRecord}: the sample walk and one atomic add into a cell picked from the value. */
    @Benchmark
    public void baselineOneAtomicAdd(Cursor cursor) {
        long v = cursor.next(durations);
        cells.getAndAdd(1 + (int) (v & 15), v);
    }

    /** The record before ADR 0019 without its bucket search: a count and a sum, two atomic adds. */
    @Benchmark
    public void baselineTwoAtomicAdds(Cursor cursor) {
        long v = cursor.next(durations);
        cells.getAndIncrement(1 + (int) (v & 15));
        cells.getAndAdd(0, v);
    }

    @Benchmark
    public void counterIncrement() {
        counterSeries.increment();
    }

    @Benchmark
    public void histogramRecord(Cursor cursor) {
        histogramSeries.record(cursor.next(durations));
    }

    /** What a caller pays when it does not keep the handle: resolve six attribute values, then record. */
    @Benchmark
    public void histogramResolveAndRecord(Cursor cursor) {
        histogram.series(attributeValues).record(cursor.next(durations));
    }
}
