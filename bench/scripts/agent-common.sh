# Sourced by the agent-*.sh side-by-side scripts: where things are, and checks that they exist.
# JAVA=...            the java to run (default: java on PATH)
# REVISIT_AGENT_JAR=  the agent under test (default: agent/target/revisit-agent.jar)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAVA="${JAVA:-java}"
AGENT_JAR="$(realpath -m "${REVISIT_AGENT_JAR:-$ROOT/agent/target/revisit-agent.jar}")"
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
BENCH_CLASSES="$ROOT/bench/target/classes"
RESULTS="$ROOT/bench/target/results"
mkdir -p "$RESULTS"

need_built() {
  for f in "$AGENT_JAR" "$BENCH_JAR"; do
    if [[ ! -e "$f" ]]; then
      echo "missing $f; build first: mvn -q -B -ntp -DskipTests -pl bench -am package" >&2
      exit 2
    fi
  done
}

need_hyperfine() {
  if ! command -v hyperfine >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      apt-get install -y hyperfine >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
    else
      echo "hyperfine is missing: sudo apt-get install -y hyperfine" >&2
      exit 2
    fi
  fi
}

# One line naming what was measured where: figures mean little without it.
describe_run() {
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
       "$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print "JDK " $2}')," \
       "agent $AGENT_JAR"
}

# The agent jars a script compares: its remaining arguments, else the one under test (sets jars).
agent_jars() {
  jars=("$@")
  [[ ${#jars[@]} -gt 0 ]] || jars=("$AGENT_JAR")
}

# A jar's name in the results: "agent" when only one is compared, else its file name without .jar.
jar_label() {
  if [[ ${#jars[@]} -eq 1 ]]; then echo agent; else basename "$1" .jar; fi
}
