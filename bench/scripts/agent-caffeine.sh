#!/usr/bin/env bash
# What the agent adds to a Caffeine getIfPresent hit (CaffeineGetIfPresent: a bare fork and a
# -javaagent fork in one JMH run), wall and process-CPU ns/op and B/op. Given more agent jars,
# each round runs every jar in turn (e.g. before/after a change), each against its own bare fork.
#   bench/scripts/agent-caffeine.sh [agent.jar ...]     (default: REVISIT_AGENT_JAR / agent/target)
# Knobs: ROUNDS (default 2), JMH_ARGS (default -wi 3 -i 5 -w 1s -r 1s), JAVA.
# Process CPU per op (ProcessCpuProfiler) is the figure to read on a loaded machine: wall time
# there mostly measures waiting for a core.
source "$(dirname "$0")/agent-common.sh"
need_built
JMH_ARGS="${JMH_ARGS:--wi 3 -i 5 -w 1s -r 1s}"
OUT="$RESULTS/jmh"
mkdir -p "$OUT"
jars=("$@")
[[ ${#jars[@]} -gt 0 ]] || jars=("$AGENT_JAR")
describe_run | tee "$OUT/caffeine-summary.txt"
for round in $(seq "${ROUNDS:-2}"); do
  for i in "${!jars[@]}"; do
    # The benchmark attaches agent/target/revisit-agent.jar relative to the working directory.
    dir="$(mktemp -d)"; mkdir -p "$dir/agent/target"
    cp "$(realpath "${jars[$i]}")" "$dir/agent/target/revisit-agent.jar"
    # shellcheck disable=SC2086 # JMH_ARGS holds several arguments
    (cd "$dir" && "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'dev.revisit.bench.agent.caffeine.CaffeineGetIfPresent' $JMH_ARGS \
      -prof gc -prof dev.revisit.bench.agent.jdbc.ProcessCpuProfiler) >"$OUT/caffeine-$round-$i.txt" 2>&1
    rm -rf "$dir"
    grep -E '^CaffeineGetIfPresent\.(bare|withAgent)(:cpu.process.norm|:gc.alloc.rate.norm)? ' "$OUT/caffeine-$round-$i.txt" \
      | sed -E "s|^|round $round  ${jars[$i]}  |; s/ +avgt +[0-9]+ +/  /; s/ +avgt +/  /" | tee -a "$OUT/caffeine-summary.txt"
  done
done
echo "raw: $OUT/caffeine-*.txt"
