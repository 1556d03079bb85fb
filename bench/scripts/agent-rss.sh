#!/usr/bin/env bash
# Resident memory: a small steady program (H2 point selects for N seconds, then it prints its
# own VmRSS and VmHWM) with and without the agent, in interleaved rounds. Goal: the agent
# adds < 30 MB. Default JVM flags on purpose: that is what a user gets.
#   bench/scripts/agent-rss.sh [rounds, default 5] [seconds per run, default 10]
source "$(dirname "$0")/agent-common.sh"
need_built
ROUNDS="${1:-5}"
SECONDS_PER_RUN="${2:-10}"
STEADY="dev.revisit.bench.agent.startup.SteadySelects"
OUT="$RESULTS/rss"
rm -rf "$OUT" && mkdir -p "$OUT"

names=("no agent" "agent, exporter=none" "agent, OTLP to a refused port")
agent_args=(
  ""
  "-javaagent:$AGENT_JAR -Drevisit.exporter=none"
  "-javaagent:$AGENT_JAR -Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics -Drevisit.export.interval.ms=1000"
)

describe_run | tee "$OUT/summary.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    k=$(( (i + round) % ${#names[@]} ))   # rotate the order each round
    # shellcheck disable=SC2086 # agent_args holds several arguments
    line=$("$JAVA" ${agent_args[$k]} -cp "$BENCH_JAR" "$STEADY" "$SECONDS_PER_RUN" 2>>"$OUT/stderr.txt" | grep '^rss_kb=')
    echo "round $round: ${names[$k]}: $line" >&2
    rss=$(sed -E 's/.*rss_kb=([0-9]+).*/\1/' <<<"$line")
    hwm=$(sed -E 's/.*hwm_kb=([0-9]+).*/\1/' <<<"$line")
    selects=$(sed -E 's/.*selects=([0-9]+).*/\1/' <<<"$line")
    echo "{\"round\": $round, \"variant\": \"${names[$k]}\", \"value\": $(bc -l <<<"$rss / 1024")}" >>"$OUT/rss.jsonl"
    echo "{\"round\": $round, \"variant\": \"${names[$k]}\", \"value\": $(bc -l <<<"$hwm / 1024")}" >>"$OUT/hwm.jsonl"
    echo "{\"round\": $round, \"variant\": \"${names[$k]}\", \"value\": $selects}" >>"$OUT/selects.jsonl"
  done
done

# The summary takes the first variant it reads as the baseline: put "no agent" first.
sorted() { jq -c -s 'sort_by(.variant != "no agent") | .[]' "$1"; }
{
  echo "VmRSS after ${SECONDS_PER_RUN} s of point selects, MiB:"
  sorted "$OUT/rss.jsonl" | python3 "$(dirname "$0")/agent-summary.py" MiB 30
  echo "VmHWM (peak resident), MiB:"
  sorted "$OUT/hwm.jsonl" | python3 "$(dirname "$0")/agent-summary.py" MiB 30
  echo "selects done in those ${SECONDS_PER_RUN} s (throughput, for context; CPU is shared):"
  sorted "$OUT/selects.jsonl" | python3 "$(dirname "$0")/agent-summary.py" selects
} | tee -a "$OUT/summary.txt"
echo "raw: $OUT"
