#!/usr/bin/env bash
# evaluate --source prometheus, 1,000 decisions, against a real Prometheus holding a day of replayed
# signals (goal: under 5 s). Generates the day (bench PrometheusDay: 20 services x 87 series every
# 30 s, ~5 M samples) and the decisions, backfills them with promtool (a few minutes, reused on the
# next run), starts Debian's prometheus on a free port, then per round times, interleaved:
#   check     the same CLI reading the same 1,000 decisions, no queries: JVM start + parse (the floor)
#   c1        evaluate --prometheus-concurrency 1 (baseline: one query at a time)
#   c8        evaluate with the default 8 queries in flight
#   c8-c1jit  the same on a JVM that compiles with C1 only (-XX:TieredStopAtLevel=1): for a
#             one-shot command C2's compilations cost more CPU than they win back
# and records the command's wall time and CPU time (user + system, /usr/bin/time), the queries
# Prometheus answered (its own prometheus_http_requests_total) and the CPU time Prometheus used
# meanwhile (its process_cpu_seconds_total). On a machine shared with other work the CPU times are
# the figures that do not depend on who else runs; the wall time is what a user waits.
#
# usage: bench/scripts/collector-prometheus-1000.sh [rounds=5]
# needs: collector/target/revisit-collector.jar and bench/target/benchmarks.jar
#        (mvn -q -B -ntp -DskipTests -pl bench -am package), prometheus, promtool, curl, python3
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA="${JAVA:-java}"
ROUNDS="${1:-5}"
SERVICES="${SERVICES:-20}"
DECISIONS="${DECISIONS:-1000}"
STEP="${STEP:-30}"
END="${END:-1795633200}" # 2026-11-25T19:00:00Z: fixed, so the backfilled data can be reused
CLI="$ROOT/collector/target/revisit-collector.jar"
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
WORK="$ROOT/bench/target/prometheus-day-$SERVICES-$DECISIONS-$STEP-$END"
RESULTS="$ROOT/bench/target/results"
mkdir -p "$RESULTS" "$WORK"
OUT="$RESULTS/collector-prometheus-1000-$(date -u +%Y%m%dT%H%M%SZ).txt"

for f in "$CLI" "$BENCH_JAR"; do
  [[ -e "$f" ]] || { echo "missing $f; build first: mvn -q -B -ntp -DskipTests -pl bench -am package" >&2; exit 2; }
done
for tool in prometheus promtool curl python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install prometheus curl python3)" >&2; exit 2; }
done

if [[ ! -e "$WORK/data/.complete" ]]; then
  rm -rf "$WORK/data"
  "$JAVA" -cp "$BENCH_JAR" dev.revisit.bench.collector.PrometheusDay "$WORK" "$SERVICES" "$DECISIONS" "$STEP" "$END"
  echo "backfilling with promtool (minutes on a busy machine)..."
  promtool tsdb create-blocks-from openmetrics "$WORK/signals.om" "$WORK/data" >/dev/null
  rm -f "$WORK/signals.om"
  touch "$WORK/data/.complete"
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
# retention far beyond the data's age, so a day that lies in the past is not deleted at start-up
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" --storage.tsdb.retention.time=100y \
  --web.listen-address="127.0.0.1:$PORT" >"$WORK/prometheus.log" 2>&1 &
PROMETHEUS_PID=$!
trap 'kill "$PROMETHEUS_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/-/ready" >/dev/null && break
  sleep 0.2
done
AT="$(date -u -d "@$END" +%Y-%m-%dT%H:%M:%SZ)"

# queries answered and CPU seconds used so far, by Prometheus' own count
served() {
  curl -s "http://127.0.0.1:$PORT/metrics" | python3 -c '
import sys
n = s = 0.0
for line in sys.stdin:
    if line.startswith("prometheus_http_requests_total{") and "/api/v1/query" in line:
        n += float(line.split()[-1])
    if line.startswith("process_cpu_seconds_total "):
        s = float(line.split()[-1])
print(int(n), s)'
}

# one timed run: prints "variant wall_ms cli_cpu_ms queries prometheus_cpu_ms"; JVM_OPTS (an array) go to java
JVM_OPTS=()
run() {
  local variant="$1"; shift
  read -r q0 s0 < <(served)
  local t0; t0=$(date +%s%N)
  set +e
  /usr/bin/time -o "$WORK/$variant.time" -f "%U %S" "$JAVA" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} -jar "$CLI" "$@" >"$WORK/$variant.out" 2>"$WORK/$variant.err"
  local exit=$?
  set -e
  local t1; t1=$(date +%s%N)
  if [[ $exit -ne 0 && $exit -ne 3 ]]; then echo "$variant failed ($exit): $(tail -3 "$WORK/$variant.err")" >&2; exit 1; fi
  read -r q1 s1 < <(served)
  echo "$variant $(( (t1 - t0) / 1000000 )) $(tail -1 "$WORK/$variant.time" | awk '{printf "%d", ($1 + $2) * 1000}') $(( q1 - q0 ))" \
       "$(python3 -c "print(round(($s1 - $s0) * 1000))")"
}

EVALUATE=(evaluate --decisions "$WORK/decisions.yaml" --source prometheus --prometheus-url "http://127.0.0.1:$PORT"
          --at "$AT" --format json)
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
       "$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print "JDK " $2}')," \
       "$(prometheus --version 2>&1 | head -1)"
  echo "# $(head -c 0 /dev/null)$SERVICES services, $DECISIONS decisions ($(grep -c 'signal:' "$WORK/decisions.yaml") assumptions), a day every ${STEP}s ending $AT"
  run warmup "${EVALUATE[@]}" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    run check check "$WORK/decisions.yaml"
    run c1 "${EVALUATE[@]}" --prometheus-concurrency 1
    run c8 "${EVALUATE[@]}"
    JVM_OPTS=(-XX:TieredStopAtLevel=1)
    run c8-c1jit "${EVALUATE[@]}"
    JVM_OPTS=()
  done
} | tee "$OUT"

python3 - "$OUT" "$WORK/c8.out" <<'PY'
import json, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l and not l.startswith("#")]
by = {}
for v, ms, cpu, q, pcpu in rows:
    by.setdefault(v, []).append((int(ms), int(cpu), int(q), int(pcpu)))
med = lambda v, i: statistics.median(r[i] for r in by[v])
for v in ("check", "c1", "c8", "c8-c1jit"):
    print(f"{v:6} median wall {med(v, 0):6.0f} ms, command CPU {med(v, 1):6.0f} ms, {med(v, 2):5.0f} queries, "
          f"Prometheus CPU {med(v, 3):5.0f} ms")
c1, c8, cj, check, q = med("c1", 0), med("c8", 0), med("c8-c1jit", 0), med("check", 0), med("c8", 2)
best = min(c8, cj)
print(f"goal < 5000 ms wall: {'met' if best < 5000 else 'missed'} ({c8:.0f} ms, {cj:.0f} ms with C1 only); {q:.0f} queries, "
      f"{q / (best / 1000):.0f}/s over the whole command")
print(f"ratios: concurrency 1 / 8 = {c1 / c8:.2f} wall; C2 / C1-only = {c8 / cj:.2f} wall, "
      f"{med('c8', 1) / med('c8-c1jit', 1):.2f} CPU; evaluate / check = {c8 / check:.2f} wall, {med('c8', 1) / med('check', 1):.2f} CPU")
verdicts = {}
for d in json.load(open(sys.argv[2]))["decisions"]:
    verdicts[d["verdict"]] = verdicts.get(d["verdict"], 0) + 1
print("verdicts:", verdicts)
PY
