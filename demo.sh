#!/usr/bin/env bash
# The README's main command, until the full demo exists: build the agent and a small H2
# program, run 100,000 point selects with the agent attached, and print what it exported.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building the agent and the example (mvn package, tests skipped)"
mvn -q -B -ntp -DskipTests -pl agent,examples -am package

port="${REVISIT_DEMO_PORT:-9464}"
echo "== running examples/target/revisit-hello.jar with -javaagent:agent/target/revisit-agent.jar"
java -javaagent:agent/target/revisit-agent.jar \
  -Drevisit.exporter=prometheus -Drevisit.prometheus.port="$port" \
  -Drevisit.service.name=revisit-hello \
  -jar examples/target/revisit-hello.jar "${1:-100000}"
