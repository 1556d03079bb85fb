#!/usr/bin/env bash
# The agent's start in figures that do not depend on the machine's load (a shared, busy
# machine stretches every timed figure; these stay put): bytes the agent's threads allocate,
# classes loaded, heap in use. Each run of InstallFootprint (with -Drevisit.debug=true, whose
# log lines carry the agent's own counts) reports:
#   premain     main thread's allocation and classes loaded inside premain (agent's log)
#   install     the revisit-install thread's allocation and classes loaded (agent's log)
#   classes     classes loaded once the install is done, against the same program without the agent
#   heap        heap in use once the install is done (garbage included), and after a full GC
#   library     main-thread allocation while loading every class of H2 (≈ 1,000) after the
#               install: what the agent's matchers cost each class an application loads later
# Given several agent jars (e.g. before/after a change), each runs in turn in every round.
#   bench/scripts/agent-footprint.sh [runs, default 3] [agent.jar ...]
source "$(dirname "$0")/agent-common.sh"
need_built
RUNS="${1:-3}"
shift || true
agent_jars "$@"
PROGRAM="dev.revisit.bench.agent.startup.InstallFootprint"
OUT="$RESULTS/footprint"
rm -rf "$OUT" && mkdir -p "$OUT"

names=("no agent")
args=("")
for jar in "${jars[@]}"; do
  label="$(jar_label "$jar")"
  names+=("$label, exporter=none" "$label, OTLP to a refused port")
  args+=("-javaagent:$(realpath "$jar") -Drevisit.debug=true -Drevisit.exporter=none"
         "-javaagent:$(realpath "$jar") -Drevisit.debug=true -Drevisit.otlp.endpoint=http://127.0.0.1:9/v1/metrics")
done

# A figure from the agent's debug log: "... <what> ... allocated 1,234 B, 56 classes loaded".
from_log() { grep -F "$1" "$2" | head -1 | sed -E "s/.*allocated ([0-9,]+) B, ([0-9,]+) classes loaded.*/\\$3/" | tr -d ,; }
emit() { echo "{\"round\": $1, \"variant\": \"$2\", \"value\": $4}" >>"$OUT/$3.jsonl"; }

describe_run | tee "$OUT/summary.txt"
for ((run = 1; run <= RUNS; run++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    k=$(( (i + run) % ${#names[@]} ))   # rotate the order each run
    log="$OUT/stderr-$run-$k.txt"
    # shellcheck disable=SC2086 # args holds several arguments
    line=$("$JAVA" ${args[$k]} -cp "$BENCH_JAR" "$PROGRAM" 2>"$log" | grep '^main_allocated_at_start=')
    echo "run $run: ${names[$k]}: $line" >&2
    value() { sed -E "s/.*\b$1=([0-9]+).*/\1/" <<<"$line"; }
    emit "$run" "${names[$k]}" classes "$(value classes_after_install)"
    emit "$run" "${names[$k]}" heap_after_install "$(bc -l <<<"$(value heap_used_after_install) / 1048576")"
    emit "$run" "${names[$k]}" heap_after_gc "$(bc -l <<<"$(value heap_used_after_gc) / 1048576")"
    emit "$run" "${names[$k]}" library_allocated "$(bc -l <<<"$(value library_main_allocated) / 1048576")"
    emit "$run" "${names[$k]}" library_loaded "$(value library_loaded)"
    if [[ $k -gt 0 ]]; then
      emit "$run" "${names[$k]}" premain_allocated "$(bc -l <<<"$(from_log 'premain returned' "$log" 1) / 1024")"
      emit "$run" "${names[$k]}" premain_classes "$(from_log 'premain returned' "$log" 2)"
      emit "$run" "${names[$k]}" install_allocated "$(bc -l <<<"$(from_log 'install thread' "$log" 1) / 1048576")"
      emit "$run" "${names[$k]}" install_classes "$(from_log 'install thread' "$log" 2)"
    fi
  done
done

# The summary takes the first variant it reads as the baseline: "no agent" where it has the
# figure, else the first agent variant.
sorted() { jq -c -s 'sort_by(.variant != "no agent") | .[]' "$OUT/$1.jsonl" | python3 "$(dirname "$0")/agent-summary.py" "$2"; }
{
  echo "classes loaded once the install is done:";                       sorted classes classes
  echo "heap in use once the install is done, MiB (garbage included):";   sorted heap_after_install MiB
  echo "heap in use after a full GC, MiB:";                               sorted heap_after_gc MiB
  echo "main thread's allocation while loading H2's classes after the install, MiB:"; sorted library_allocated MiB
  echo "classes that loading H2 loaded:";                                  sorted library_loaded classes
  echo "premain (main thread), KiB allocated:";                            sorted premain_allocated KiB
  echo "premain, classes loaded:";                                         sorted premain_classes classes
  echo "install thread, MiB allocated:";                                   sorted install_allocated MiB
  echo "install thread, classes loaded (by any thread meanwhile):";        sorted install_classes classes
} | tee -a "$OUT/summary.txt"
echo "raw: $OUT"
