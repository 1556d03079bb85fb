#!/usr/bin/env bash
# What the agent adds to one JWT verification inside a request:
#   1. JwtVerification: HS256 with Nimbus (SignedJWT.verify, DefaultJWTProcessor), JJWT and Auth0,
#      forks without (bare) and with the agent (withAgent) in the same run; wall and process-CPU ns
#      per verification, B/op; library=none is the request's own share per verification, subtracted;
#   2. AuthHookCall: the auth hook's enter/exit pair inside a request against the do-nothing hook and
#      two System.nanoTime() calls, same forks.
#   bench/scripts/agent-jwt.sh [verify|hook|all, default all]
# Knobs (environment): FORKS (forks per benchmark and variant, default 1 for verify, 2 for hook),
# JMH_ARGS (default -wi 10 -i 5 -w 1s -r 1s: forks with the agent need ~5 s more to settle — the JIT
# is still compiling what the install loaded), JAVA. The agent is agent/target/revisit-agent.jar (the
# benchmarks' @Fork annotations name it relative to the repository root, where this runs).
source "$(dirname "$0")/agent-common.sh"
need_built
cd "$ROOT"
WHAT="${1:-all}"
JMH_ARGS="${JMH_ARGS:--wi 10 -i 5 -w 1s -r 1s}"
OUT="$RESULTS/jmh"
mkdir -p "$OUT"
PROF="-prof gc -prof dev.revisit.bench.agent.jdbc.ProcessCpuProfiler"

if [[ "$WHAT" == all || "$WHAT" == verify ]]; then
  # shellcheck disable=SC2086 # JMH_ARGS and PROF hold several arguments
  "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'agent.jwt.JwtVerification' -f "${FORKS:-1}" $JMH_ARGS $PROF >"$OUT/jwt.txt" 2>&1
  { describe_run; python3 - "$OUT/jwt.txt" <<'PY'
import re, sys
score, cpu, alloc = {}, {}, {}
for line in open(sys.argv[1]):
    m = re.match(r'JwtVerification\.(bare|withAgent|withAgentJwtOff)(:\S+)?\s+(\S+)\s+avgt\s+\d+\s+([\d.]+)', line)
    if not m:
        continue
    variant, metric, lib, value = m.group(1), m.group(2), m.group(3), float(m.group(4))
    table = {None: score, ':cpu.process.norm': cpu, ':gc.alloc.rate.norm': alloc}.get(metric)
    if table is not None:
        table[(variant, lib)] = value
print(f"{'library':17} {'bare ns':>9} {'agent ns':>9} {'ratio':>6} {'added':>8} {'- request':>9}   {'CPU bare':>9} {'CPU agent':>9} {'CPU added':>9} {'- request':>9}   B/op bare→agent")
for variant in ('withAgent', 'withAgentJwtOff'):
    print(f"-- {variant} against bare")
    for lib in ('nimbus', 'nimbus-processor', 'jjwt', 'auth0', 'none'):
        if ('bare', lib) not in score or (variant, lib) not in score:
            continue
        b, a = score[('bare', lib)], score[(variant, lib)]
        req = score[(variant, 'none')] - score[('bare', 'none')] if (variant, 'none') in score else float('nan')
        net = a - b - req if lib != 'none' else float('nan')
        cb, ca = cpu.get(('bare', lib), float('nan')), cpu.get((variant, lib), float('nan'))
        creq = cpu.get((variant, 'none'), float('nan')) - cpu.get(('bare', 'none'), float('nan'))
        cnet = ca - cb - creq if lib != 'none' else float('nan')
        print(f"{lib:17} {b:9.1f} {a:9.1f} {a / b:6.2f} {a - b:8.1f} {net:9.1f}   {cb:9.1f} {ca:9.1f} {ca - cb:9.1f} {cnet:9.1f}   "
              f"{alloc.get(('bare', lib), 0):.0f}→{alloc.get((variant, lib), 0):.0f}")
print("ns per verification; '- request' subtracts what the agent adds to the enclosing request, per verification (library=none)")
PY
  } | tee "$OUT/jwt-summary.txt"
fi
if [[ "$WHAT" == all || "$WHAT" == hook ]]; then
  # shellcheck disable=SC2086
  "$JAVA" -Djmh.ignoreLock=true -jar "$BENCH_JAR" 'agent.jwt.AuthHookCall' -f "${FORKS:-2}" $JMH_ARGS $PROF >"$OUT/auth-hook.txt" 2>&1
  { describe_run; sed -n '/^Benchmark /,$p' "$OUT/auth-hook.txt" | grep -E '^Benchmark|:gc.alloc.rate.norm|:cpu.process.norm|avgt +[0-9]+ +[0-9.]+ +±? *[0-9.]* +ns/op'; } | tee "$OUT/auth-hook-summary.txt"
fi
echo "raw: $OUT"
