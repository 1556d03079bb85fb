package dev.revisit.bench.agent.jdbc;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent adds to one H2 point select ({@link H2PointSelect}), against the same
 * benchmark without the agent measured in the same run. The machine is shared and noisy,
 * so forks alternate: every round runs one fork of each variant, in a rotating order, and
 * the summary gives both the pooled means and each round's own ratio.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.revisit.bench.agent.jdbc.H2SelectOverhead [JMH options, e.g. -wi 3 -i 5 -w 1s -r 1s -prof gc]
 *   -Dbench.rounds=3                     forks per variant, interleaved
 *   -Dbench.variants=none,otlp-refused   agent variants besides the baseline (see {@link #variants})
 *   -Drevisit.agent.jar=...              default: agent/target/revisit-agent.jar above the working directory
 * </pre>
 */
public final class H2SelectOverhead {
    private static final String BASELINE = "baseline";

    private H2SelectOverhead() {}

    public static void main(String[] args) throws Exception {
        Options cli = new CommandLineOptions(args);
        Path agent = AgentJar.locate();
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (StalledEndpoint stalled = new StalledEndpoint()) {
            Map<String, List<String>> variants = variants(agent, stalled, System.getProperty("bench.variants", "none"));
            Map<String, List<RunResult>> results = new LinkedHashMap<>();
            variants.keySet().forEach(name -> results.put(name, new ArrayList<>()));
            List<String> order = new ArrayList<>(variants.keySet());
            for (int round = 0; round < rounds; round++) {
                for (String name : order) {
                    System.out.printf("%n### round %d/%d: %s %s%n", round + 1, rounds, name, variants.get(name));
                    results.get(name).add(runOneFork(cli, variants.get(name)));
                }
                order.add(order.remove(0)); // rotate, so no variant always runs first (or last) in a round
            }
            new Summary(results, BASELINE).print(agent, System.getProperty("java.version"));
        }
    }

    /**
     * The baseline plus the requested agent variants: {@code none} (no export: the steady
     * state of recording), {@code otlp-refused} (pushes every second to a port that refuses),
     * {@code otlp-stalled} (pushes every second to an endpoint that accepts and never answers).
     */
    static Map<String, List<String>> variants(Path agent, StalledEndpoint stalled, String requested) {
        String javaagent = "-javaagent:" + agent;
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(BASELINE, List.of());
        for (String name : requested.split(",")) {
            switch (name.trim()) {
                case "none" -> variants.put("agent, exporter=none", List.of(javaagent, "-Drevisit.exporter=none"));
                case "otlp-refused" -> variants.put("agent, OTLP refused", List.of(javaagent, "-Drevisit.exporter=otlp",
                        "-Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics", "-Drevisit.export.interval.ms=1000"));
                case "otlp-stalled" -> variants.put("agent, OTLP stalled", List.of(javaagent, "-Drevisit.exporter=otlp",
                        "-Drevisit.otlp.endpoint=" + stalled.url(), "-Drevisit.export.interval.ms=1000"));
                default -> throw new IllegalArgumentException("unknown variant " + name + "; known: none, otlp-refused, otlp-stalled");
            }
        }
        return variants;
    }

    private static RunResult runOneFork(Options cli, List<String> jvmArgs) throws Exception {
        Options options = new OptionsBuilder()
                .parent(cli)
                .include(H2PointSelect.class.getName() + ".pointSelect")
                .forks(1)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .addProfiler(ProcessCpuProfiler.class)
                .build();
        return new Runner(options).runSingle();
    }

    /** Pooled iteration scores per variant, each against the baseline: wall time (JMH's score) and process CPU time. */
    private record Summary(Map<String, List<RunResult>> results, String baseline) {
        void print(Path agent, String javaVersion) {
            System.out.printf("%n== H2 point select, JDK %s, agent %s, %d fork(s) per variant, interleaved ==%n",
                    javaVersion, agent, results.get(baseline).size());
            table("wall time", null);
            table("process CPU time (all threads)", ProcessCpuProfiler.NAME);
            System.out.printf("allocation, B/op (-prof gc): ");
            results.forEach((name, runs) -> System.out.printf("%s %s; ", name, allocation(runs)));
            System.out.println();
        }

        /** @param secondary null for JMH's primary score, else a per-iteration secondary result */
        private void table(String title, String secondary) {
            ListStatistics base = iterations(results.get(baseline), secondary);
            System.out.printf("%n%s%n%-22s %20s %20s %7s   %s%n", title, "variant", "ns/op (99.9% CI)", "added ns/op", "ratio", "per-round ratios");
            for (Map.Entry<String, List<RunResult>> entry : results.entrySet()) {
                ListStatistics stats = iterations(entry.getValue(), secondary);
                double added = stats.getMean() - base.getMean();
                double addedError = Math.hypot(stats.getMeanErrorAt(0.999), base.getMeanErrorAt(0.999));
                System.out.printf("%-22s %11.1f ± %6.1f %11.1f ± %6.1f %7.3f   %s%n",
                        entry.getKey(), stats.getMean(), stats.getMeanErrorAt(0.999), added, addedError,
                        stats.getMean() / base.getMean(), perRoundRatios(entry.getValue(), secondary));
            }
        }

        /** Each round's fork against the baseline fork of the same round: how much of the spread is the machine. */
        private String perRoundRatios(List<RunResult> runs, String secondary) {
            List<RunResult> baseRuns = results.get(baseline);
            StringBuilder ratios = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                double ratio = iterations(List.of(runs.get(i)), secondary).getMean()
                        / iterations(List.of(baseRuns.get(i)), secondary).getMean();
                ratios.append(String.format("%.2f ", ratio));
            }
            return ratios.toString().trim();
        }

        private static ListStatistics iterations(List<RunResult> runs, String secondary) {
            ListStatistics stats = new ListStatistics();
            runs.forEach(run -> run.getBenchmarkResults().forEach(fork -> fork.getIterationResults().forEach(iteration -> {
                Result result = secondary == null ? iteration.getPrimaryResult() : iteration.getSecondaryResults().get(secondary);
                if (result != null) {
                    stats.addValue(result.getScore());
                }
            })));
            return stats;
        }

        /** {@code gc.alloc.rate.norm} when run with {@code -prof gc}. */
        private static String allocation(List<RunResult> runs) {
            ListStatistics bytes = new ListStatistics();
            for (RunResult run : runs) {
                for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
                    if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                        bytes.addValue(secondary.getValue().getScore());
                    }
                }
            }
            return bytes.getN() == 0 ? "-" : String.format("%.1f", bytes.getMean());
        }
    }
}
