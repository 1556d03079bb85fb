#!/usr/bin/env bash
# Resident memory: a small steady program (a fixed number of H2 point selects once the agent
# is installed; then it prints its own VmRSS, VmRSS after a full GC, and VmHWM) with and
# without the agent, in interleaved rounds. Goal: the agent adds < 30 MB. Default JVM flags
# on purpose: that is what a user gets.
#   bench/scripts/agent-rss.sh [rounds, default 5] [selects per run, default 200000] [agent.jar ...]
# Given several agent jars (e.g. before/after a change), each runs in every round.
source "$(dirname "$0")/agent-common.sh"
need_built
ROUNDS="${1:-5}"
SELECTS="${2:-200000}"
shift 2 || shift $#
agent_jars "$@"
STEADY="dev.revisit.bench.agent.startup.SteadySelects"
OUT="$RESULTS/rss"
rm -rf "$OUT" && mkdir -p "$OUT"

names=("no agent")
agent_args=("")
for jar in "${jars[@]}"; do
  label="$(jar_label "$jar")"
  jar="$(realpath "$jar")"
  names+=("$label, exporter=none" "$label, OTLP to a refused port")
  agent_args+=("-javaagent:$jar -Drevisit.exporter=none"
               "-javaagent:$jar -Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics -Drevisit.export.interval.ms=1000")
done

describe_run | tee "$OUT/summary.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    k=$(( (i + round) % ${#names[@]} ))   # rotate the order each round
    # shellcheck disable=SC2086 # agent_args holds several arguments
    line=$("$JAVA" ${agent_args[$k]} -cp "$BENCH_JAR" "$STEADY" "$SELECTS" 2>>"$OUT/stderr.txt" | grep '^rss_kb=')
    echo "round $round: ${names[$k]}: $line" >&2
    for key in rss_kb rss_after_gc_kb hwm_kb; do
      kb=$(sed -E "s/.*\b$key=([0-9]+).*/\1/" <<<"$line")
      echo "{\"round\": $round, \"variant\": \"${names[$k]}\", \"value\": $(bc -l <<<"$kb / 1024")}" >>"$OUT/$key.jsonl"
    done
  done
done

# The summary takes the first variant it reads as the baseline: put "no agent" first.
sorted() { jq -c -s 'sort_by(.variant != "no agent") | .[]' "$1"; }
{
  echo "VmRSS after ${SELECTS} point selects, MiB:"
  sorted "$OUT/rss_kb.jsonl" | python3 "$(dirname "$0")/agent-summary.py" MiB 30
  echo "VmRSS after a full GC, MiB:"
  sorted "$OUT/rss_after_gc_kb.jsonl" | python3 "$(dirname "$0")/agent-summary.py" MiB 30
  echo "VmHWM (peak resident), MiB:"
  sorted "$OUT/hwm_kb.jsonl" | python3 "$(dirname "$0")/agent-summary.py" MiB 30
} | tee -a "$OUT/summary.txt"

# Where the difference lives: native memory tracking's committed bytes per category, one run
# each. Committed is not resident (the heap is committed ahead of use) but the deltas of
# Class (metaspace), Code, Symbol, Thread and Internal show what the agent's classes cost.
nmt() {
  # shellcheck disable=SC2068 # the agent arguments, if any
  "$JAVA" $@ -XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics \
    -cp "$BENCH_JAR" "$STEADY" "$SELECTS" 2>/dev/null | awk '
      /^Total:/ { match($0, /committed=[0-9]+/); print "Total\t" substr($0, RSTART + 10, RLENGTH - 10) }
      /^- +[A-Za-z ]+\(reserved=/ { name = $0; sub(/^- +/, "", name); sub(/ *\(reserved=.*/, "", name)
                                    match($0, /committed=[0-9]+/); print name "\t" substr($0, RSTART + 10, RLENGTH - 10) }'
}
nmt >"$OUT/nmt-none.tsv"
for ((i = 1; i < ${#names[@]}; i++)); do
  # shellcheck disable=SC2086 # agent_args holds several arguments
  nmt ${agent_args[$i]} >"$OUT/nmt-$i.tsv"
  {
    echo "native memory tracking, committed MiB at exit (one run each), ${names[$i]}: category, no agent, agent, delta"
    join -t $'\t' <(sort "$OUT/nmt-none.tsv") <(sort "$OUT/nmt-$i.tsv") \
      | awk -F'\t' '{ printf "%d\t  %-24s %8.1f %8.1f %+8.1f\n", $3 - $2, $1, $2 / 1048576, $3 / 1048576, ($3 - $2) / 1048576 }' \
      | sort -t$'\t' -k1,1nr | cut -f2- | head -12
  } | tee -a "$OUT/summary.txt"
done
echo "raw: $OUT"
