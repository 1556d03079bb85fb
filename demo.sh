#!/usr/bin/env bash
# The README's main command: build the agent, the collector and a small H2 program; start the
# collector on examples/decisions/hello.yaml; run 100,000 point selects with the agent attached
# (pushing OTLP to the collector); then print which decisions warrant review, and why.
# Everything runs on embedded defaults and stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building the agent, the collector and the example (mvn package, tests skipped)"
mvn -q -B -ntp -DskipTests -pl agent,collector,examples -am package

collector_port="${REVISIT_DEMO_COLLECTOR_PORT:-4318}"
agent_port="${REVISIT_DEMO_PORT:-9464}"
decisions=examples/decisions/hello.yaml
work="$(mktemp -d)"
collector_pid=
cleanup() {
  if [ -n "$collector_pid" ]; then
    kill "$collector_pid" 2>/dev/null || true
    wait "$collector_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting the collector on 127.0.0.1:$collector_port with $decisions (log: collector.log in $work)"
java -jar collector/target/revisit-collector.jar serve --decisions "$decisions" \
  --data-dir "$work/data" --port "$collector_port" --interval 5s > "$work/collector.log" 2>&1 &
collector_pid=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$collector_port") 2>/dev/null && break
  kill -0 "$collector_pid" 2>/dev/null || { cat "$work/collector.log"; exit 1; }
  sleep 0.5
done

echo "== running examples/target/revisit-hello.jar with -javaagent:agent/target/revisit-agent.jar"
java -javaagent:agent/target/revisit-agent.jar \
  -Drevisit.exporter=otlp,prometheus -Drevisit.prometheus.port="$agent_port" \
  -Drevisit.otlp.endpoint="http://127.0.0.1:$collector_port/v1/metrics" -Drevisit.export.interval.ms=1000 \
  -Drevisit.service.name=revisit-hello \
  -jar examples/target/revisit-hello.jar "${1:-100000}"

sleep 2 # the collector's store flushes every second
echo
echo "== which decisions warrant review (revisit-collector evaluate; status page: http://127.0.0.1:$collector_port/)"
status=0
java -jar collector/target/revisit-collector.jar evaluate --decisions "$decisions" --data-dir "$work/data" || status=$?
case "$status" in
  0|3) echo; echo "(evaluate exits 3 when a decision warrants review: here HELLO-2 breaks on purpose," \
         "HELLO-3 has no data and HELLO-4 is past its review date)";;
  *) echo "evaluate failed with exit status $status"; cat "$work/collector.log"; exit "$status";;
esac
