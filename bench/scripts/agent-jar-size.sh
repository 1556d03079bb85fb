#!/usr/bin/env bash
# The agent jar's size against the 5 MB goal, and what takes the room (compressed bytes per
# package), so that whoever trims it knows where to look.
#   bench/scripts/agent-jar-size.sh
source "$(dirname "$0")/agent-common.sh"
[[ -e "$AGENT_JAR" ]] || { echo "missing $AGENT_JAR; build: mvn -q -B -ntp -DskipTests -pl agent -am package" >&2; exit 2; }

GOAL=5000000   # issue 2: "a jar under 5 MB"; AgentJarIT fails the build above it
size=$(stat -c %s "$AGENT_JAR")
describe_run
printf 'jar size: %d bytes = %.2f MiB; goal < 5 MB: %.0f%% of the goal, %s\n' \
  "$size" "$(echo "$size / 1048576" | bc -l)" "$(echo "100 * $size / $GOAL" | bc -l)" \
  "$([[ $size -lt $GOAL ]] && echo "met, $(( (GOAL - size) / 1000 )) KB to spare" || echo "missed by $(( (size - GOAL) / 1000 )) KB")"
# Compressed bytes per path prefix of $1 segments (e.g. 5 = dev/revisit/agent/shaded/bytebuddy), largest first.
by_prefix() {
  unzip -v "$AGENT_JAR" | awk -v depth="$1" 'NF >= 8 && $8 ~ /\// && $8 !~ /\/$/ {
      n = split($8, part, "/"); key = part[1]; for (i = 2; i < n && i <= depth; i++) key = key "/" part[i]
      bytes[key] += $3; files[key]++ }
    END { for (k in bytes) printf "%10d  %5d files  %s\n", bytes[k], files[k], k }' | sort -nr | head -"$2"
}
echo "compressed bytes by library:"
by_prefix 5 8
echo "largest packages:"
by_prefix 7 12
