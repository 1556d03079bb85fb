#!/usr/bin/env bash
# The README's main command. Builds the agent, the collector and the shop; starts the collector on
# examples/decisions/shop.yaml (embedded store in a temporary directory); starts the shop with the
# agent attached, pushing OTLP to the collector every second; drives load for a minute with
# progress; then prints which decisions warrant review, and why. It stops everything it started,
# also on Ctrl-C. Needs only a JDK (17+) and Maven; uses RabbitMQ on 127.0.0.1:5672 if one is up.
#
#   REVISIT_DEMO_SECONDS (60)        how long the load runs
#   REVISIT_DEMO_COLLECTOR_PORT (0)  the collector's port (0: any free one; the URLs are printed)
#   REVISIT_DEMO_SHOP_PORT (0)       the shop's port
#   REVISIT_DEMO_RABBITMQ            the broker, default amqp://guest:guest@127.0.0.1:5672
set -euo pipefail
cd "$(dirname "$0")"

seconds="${REVISIT_DEMO_SECONDS:-60}"
decisions=examples/decisions/shop.yaml
work="$(mktemp -d)"
collector_pid=
shop_pid=

cleanup() {
  for pid in $shop_pid $collector_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $shop_pid $collector_pid; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo; echo "== interrupted: stopping what the demo started"; exit 130' INT TERM

# await LOG PATTERN PID NAME: the first line of LOG matching PATTERN, once it appears (2 minutes at most)
await() {
  for _ in $(seq 1 480); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "== $4 stopped:"; cat "$1"; return 1; fi
    sleep 0.25
  done
  echo "== $4 did not start within 2 minutes:"; cat "$1"; return 1
}

echo "== building the agent, the collector and the shop (mvn package, tests skipped)"
mvn -q -B -ntp -DskipTests -pl agent,collector,examples -am package

echo "== starting the collector on $decisions (embedded store in $work/data)"
java -jar collector/target/revisit-collector.jar serve --decisions "$decisions" --data-dir "$work/data" \
  --port "${REVISIT_DEMO_COLLECTOR_PORT:-0}" --interval 2s > "$work/collector.log" 2>&1 &
collector_pid=$!
line="$(await "$work/collector.log" 'OTLP/HTTP on http://[^ ]*/v1/metrics' "$collector_pid" collector)"
collector="$(sed -E 's#.*OTLP/HTTP on (http://[^/ ]*)/v1/metrics.*#\1#' <<< "$line")"
echo "   status page $collector/   verdicts $collector/api/v1/decisions   Prometheus $collector/metrics"

echo "== starting the shop with -javaagent:agent/target/revisit-agent.jar (OTLP to the collector every second)"
java -javaagent:agent/target/revisit-agent.jar \
  -Drevisit.service.name=shop -Drevisit.deployment.environment=demo \
  -Drevisit.otlp.endpoint="$collector/v1/metrics" -Drevisit.export.interval.ms=1000 \
  -Xmx512m -jar examples/target/revisit-shop.jar --port "${REVISIT_DEMO_SHOP_PORT:-0}" \
  --rabbitmq "${REVISIT_DEMO_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672}" --queue "shop.order-events.$$" \
  > "$work/shop.log" 2>&1 &
shop_pid=$!
line="$(await "$work/shop.log" 'shop: ready on http://' "$shop_pid" shop)"
shop="$(sed -E 's#.*ready on (http://[^ ]*).*#\1#' <<< "$line")"
grep '^shop: ' "$work/shop.log" | sed 's/^/   /'
rabbitmq=yes
grep -q 'order events are not published' "$work/shop.log" && rabbitmq=no

echo "== driving load for ${seconds}s (progress every 5 s; non-2xx answers are the load's deliberate mistakes)"
java -cp examples/target/revisit-shop.jar dev.revisit.examples.shop.load.LoadDriver --target "$shop" --duration "${seconds}s"

sleep 4 # the agent's last export, and one more evaluation round
echo
echo "== which decisions warrant review, and why (revisit-collector evaluate)"
status=0
java -jar collector/target/revisit-collector.jar evaluate --decisions "$decisions" --data-dir "$work/data" \
  > "$work/verdicts.txt" 2> "$work/evaluate.err" || status=$?
cat "$work/verdicts.txt"
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  echo "evaluate failed with exit status $status"; cat "$work/evaluate.err" "$work/collector.log"; exit "$status"
fi
mkdir -p examples/target
java -jar collector/target/revisit-collector.jar report --decisions "$decisions" --data-dir "$work/data" \
  -o examples/target/shop-review.md > /dev/null 2>&1 && echo "   the review pack (rationale, evidence, questions): examples/target/shop-review.md"

# The design: the load breaks SHOP-1 (cache too small), SHOP-2 (slow query), SHOP-4 (shipping
# behind; no data without RabbitMQ) and SHOP-5 (BCrypt too costly); the others hold.
expected="SHOP-1 review
SHOP-2 review
SHOP-3 holds
SHOP-4 $([ "$rabbitmq" = yes ] && echo review || echo no_data)
SHOP-5 review
SHOP-6 holds
SHOP-7 holds"
actual="$(awk '/^SHOP-[0-9]+ / {print $1, $2}' "$work/verdicts.txt")"
echo
echo "evaluate exited $status: 3 means some decision warrants review, which is what this demo is built to show."
if [ "$rabbitmq" = no ]; then
  echo "RabbitMQ was not reachable, so SHOP-4 (order events over RabbitMQ) has no data: an observability gap, itself a finding."
fi
if [ "$actual" = "$expected" ]; then
  echo "As designed: SHOP-1, SHOP-2, $([ "$rabbitmq" = yes ] && echo 'SHOP-4 and ')SHOP-5 are flagged for review; SHOP-3, SHOP-6 and SHOP-7 hold."
  exit 0
fi
echo "Not as designed (a loaded machine can tip a healthy decision; run again, or longer with REVISIT_DEMO_SECONDS=120):"
diff <(echo "$expected") <(echo "$actual") | sed -n 's/^> /   got      /p; s/^< /   expected /p'
exit 1
