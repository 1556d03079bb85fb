#!/usr/bin/env bash
# The agent's JMH benchmarks, short enough for a shared machine:
#   1. H2 point select with and without -javaagent, forks interleaved (H2SelectOverhead);
#   2. the JDBC hook's enter/exit pair, agent's hook against the do-nothing hook, same fork (JdbcHookCall);
#   3. one recorder call against a LongAdder baseline, with -prof gc (RecorderCall).
#   bench/scripts/agent-jmh.sh [h2|hook|recorder|all, default all]
# Knobs (environment): ROUNDS (forks per H2 variant, default 3), VARIANTS (default
# none,otlp-refused,otlp-stalled), JMH_ARGS (default -wi 3 -i 5 -w 1s -r 1s), JAVA.
# -Djmh.ignoreLock: other people's JMH runs on a shared machine must not stop this one.
source "$(dirname "$0")/agent-common.sh"
need_built
WHAT="${1:-all}"
JMH_ARGS="${JMH_ARGS:--wi 3 -i 5 -w 1s -r 1s}"
OUT="$RESULTS/jmh"
mkdir -p "$OUT"

if [[ "$WHAT" == all || "$WHAT" == h2 ]]; then
  # shellcheck disable=SC2086 # JMH_ARGS holds several arguments
  "$JAVA" -Djmh.ignoreLock=true -Drevisit.agent.jar="$AGENT_JAR" -Dbench.rounds="${ROUNDS:-3}" \
    -Dbench.variants="${VARIANTS:-none,otlp-refused,otlp-stalled}" \
    -cp "$BENCH_JAR" dev.revisit.bench.agent.jdbc.H2SelectOverhead $JMH_ARGS -prof gc >"$OUT/h2.txt" 2>&1
  { describe_run; sed -n '/^== H2 point select/,$p' "$OUT/h2.txt"; } | tee "$OUT/h2-summary.txt"
fi
if [[ "$WHAT" == all || "$WHAT" == hook ]]; then
  # shellcheck disable=SC2086
  "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'dev.revisit.bench.agent.jdbc.JdbcHookCall' -f 2 $JMH_ARGS -prof gc \
    -jvmArgsAppend "-javaagent:$AGENT_JAR -Drevisit.exporter=none" >"$OUT/hook.txt" 2>&1
  { describe_run; sed -n '/^Benchmark /,$p' "$OUT/hook.txt" | grep -E '^Benchmark|:gc.alloc.rate.norm|avgt +[0-9]+ +[0-9.]+ +±? *[0-9.]* +ns/op'; } | tee "$OUT/hook-summary.txt"
fi
if [[ "$WHAT" == all || "$WHAT" == recorder ]]; then
  # shellcheck disable=SC2086
  "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'dev.revisit.bench.agent.recorder' -f 2 $JMH_ARGS -prof gc >"$OUT/recorder.txt" 2>&1
  { describe_run; sed -n '/^Benchmark /,$p' "$OUT/recorder.txt" | grep -E '^Benchmark|:gc.alloc.rate.norm|avgt +[0-9]+ +[0-9.]+ +±? *[0-9.]* +ns/op'; } | tee "$OUT/recorder-summary.txt"
fi
echo "raw: $OUT"
