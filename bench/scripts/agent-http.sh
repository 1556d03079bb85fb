#!/usr/bin/env bash
# What the agent adds to a JDK HttpServer request and to a JWT verification (JdkHttpRequest):
# the same JMH benchmark in forks without and with -javaagent, alternating, ROUNDS of each.
#   bench/scripts/agent-http.sh
# Knobs (environment): ROUNDS (default 2), JMH_ARGS (default -wi 3 -i 5 -w 1s -r 1s), JAVA.
source "$(dirname "$0")/agent-common.sh"
need_built
ROUNDS="${ROUNDS:-2}"
JMH_ARGS="${JMH_ARGS:--wi 3 -i 5 -w 1s -r 1s}"
OUT="$RESULTS/jmh"
mkdir -p "$OUT"
: >"$OUT/http.txt"
for round in $(seq 1 "$ROUNDS"); do
  for variant in baseline agent; do
    extra=""
    [[ "$variant" == agent ]] && extra="-jvmArgsAppend -javaagent:$AGENT_JAR -jvmArgsAppend -Drevisit.exporter=none"
    echo "### round $round: $variant" >>"$OUT/http.txt"
    # shellcheck disable=SC2086 # JMH_ARGS and extra hold several arguments
    "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'dev.revisit.bench.agent.http.JdkHttpRequest' -f 1 $JMH_ARGS -prof gc $extra \
      >>"$OUT/http.txt" 2>&1
  done
done
{ describe_run; python3 - "$OUT/http.txt" <<'PY'
import re, sys, statistics
scores = {}   # (variant, benchmark) -> [score per round]
alloc = {}
variant = None
for line in open(sys.argv[1]):
    m = re.match(r'### round \d+: (\w+)', line)
    if m:
        variant = m.group(1)
        continue
    m = re.match(r'JdkHttpRequest\.(\w+)\s+avgt\s+\d+\s+([\d.]+)\s+±\s+([\d.]+)\s+ns/op', line)
    if m:
        scores.setdefault((variant, m.group(1)), []).append(float(m.group(2)))
    m = re.match(r'JdkHttpRequest\.(\w+):gc\.alloc\.rate\.norm\s+avgt\s+\d+\s+([\d.]+)', line)
    if m:
        alloc.setdefault((variant, m.group(1)), []).append(float(m.group(2)))
mean = lambda v, b: statistics.mean(scores[(v, b)])
print(f"{'benchmark':22} {'baseline ns':>12} {'agent ns':>10} {'added ns':>9} {'ratio':>6}   per-round agent/baseline   B/op base→agent")
for b in ('request', 'requestVerifyingJwt', 'jwtOutsideRequest'):
    base, agent = mean('baseline', b), mean('agent', b)
    rounds = ' '.join(f"{a / s:.3f}" for a, s in zip(scores[('agent', b)], scores[('baseline', b)]))
    al = f"{statistics.mean(alloc.get(('baseline', b), [0])):.0f}→{statistics.mean(alloc.get(('agent', b), [0])):.0f}"
    print(f"{b:22} {base:12.1f} {agent:10.1f} {agent - base:9.1f} {agent / base:6.3f}   {rounds:24}   {al}")
in_request = (mean('agent', 'requestVerifyingJwt') - mean('agent', 'request')) - (mean('baseline', 'requestVerifyingJwt') - mean('baseline', 'request'))
print(f"added per JWT verification inside a request (difference of differences): {in_request:.1f} ns")
PY
} | tee "$OUT/http-summary.txt"
echo "raw: $OUT/http.txt"
