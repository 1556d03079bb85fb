#!/usr/bin/env bash
# Start-up: a hello-world JVM with and without the agent, timed by hyperfine (with warm-up
# runs) in interleaved rounds, so that load from other jobs on the machine hits every variant
# alike. Goal: the agent adds <= 100 ms.
#   bench/scripts/agent-startup.sh [rounds, default 5] [runs per round, default 10] [agent.jar ...]
# Given several agent jars (e.g. before/after a change), every jar's variants run in each round,
# all against the same no-agent baseline.
# Also prints loaded-class counts (-Xlog:class+load) and, from a run that waits for it, the
# agent's own install time: what the start-up cost is made of.
source "$(dirname "$0")/agent-common.sh"
need_built
need_hyperfine
ROUNDS="${1:-5}"
RUNS="${2:-10}"
shift 2 || shift $#
agent_jars "$@"
HELLO="dev.revisit.bench.agent.startup.HelloWorld"
OUT="$RESULTS/startup"
rm -rf "$OUT" && mkdir -p "$OUT"

names=("no agent")
commands=("$JAVA -cp $BENCH_CLASSES $HELLO")
for jar in "${jars[@]}"; do
  label="$(jar_label "$jar")"
  jar="$(realpath "$jar")"
  names+=("$label, exporter=none" "$label, OTLP to a refused port" "$label, waits for install")
  commands+=(
    "$JAVA -javaagent:$jar -Drevisit.exporter=none -cp $BENCH_CLASSES $HELLO"
    "$JAVA -javaagent:$jar -Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics -cp $BENCH_CLASSES $HELLO"
    "$JAVA -javaagent:$jar -Drevisit.exporter=none -cp $BENCH_CLASSES $HELLO await-agent"
  )
done

describe_run | tee "$OUT/summary.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  # Rotate the order each round: no variant always runs first, right after the previous round.
  args=()
  for ((i = 0; i < ${#commands[@]}; i++)); do
    k=$(( (i + round) % ${#commands[@]} ))
    args+=(--command-name "${names[$k]}" "${commands[$k]}")
  done
  hyperfine -N --style basic --warmup ${WARMUP:-3} --runs "$RUNS" --export-json "$OUT/round-$round.json" "${args[@]}" >/dev/null 2>"$OUT/hyperfine-$round.err" \
    || { cat "$OUT/hyperfine-$round.err" >&2; exit 1; }
  echo "round $round/$ROUNDS done" >&2
done

echo "wall time from exec to exit, ms; baseline first:" | tee -a "$OUT/summary.txt"
for name in "${names[@]}"; do
  for ((round = 1; round <= ROUNDS; round++)); do
    jq -c --arg name "$name" --argjson round "$round" \
      '.results[] | select(.command == $name) | .times[] | {round: $round, variant: $name, value: (. * 1000)}' "$OUT/round-$round.json"
  done
done | python3 "$(dirname "$0")/agent-summary.py" ms 100 | tee -a "$OUT/summary.txt"

# What the time is made of. Loaded classes: each costs load, verify and link time.
count_classes() { "$@" -Xlog:class+load:file="$OUT/classes.log" -cp "$BENCH_CLASSES" "$HELLO" await-agent >/dev/null 2>&1; wc -l <"$OUT/classes.log"; }
{
  echo "classes loaded by a hello world that waits for the agent: without $(count_classes "$JAVA")"
  for jar in "${jars[@]}"; do
    echo "  with $jar: $(count_classes "$JAVA" -javaagent:"$jar" -Drevisit.exporter=none) (exporter none)," \
         "$(count_classes "$JAVA" -javaagent:"$jar" -Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics) (OTLP)"
    echo "  the agent's own report of its install (off the main thread):"
    "$JAVA" -javaagent:"$jar" -Drevisit.exporter=none -cp "$BENCH_CLASSES" "$HELLO" await-agent 2>&1 | grep '\[revisit\]' || true
  done
} | tee -a "$OUT/summary.txt"
echo "raw: $OUT"
