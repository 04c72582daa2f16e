#!/usr/bin/env bash
# Story-step throughput of the packaged server as a ratio to the same server's plain endpoint, one run, loopback.
# Usage: bench/step-throughput.sh   (after ./mvnw -B -q clean package -DskipTests; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18282}"
connections="${CONNECTIONS:-8}"
duration="${DURATION:-20s}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

# JAVA_OPTS: extra JVM flags, split on spaces on purpose (e.g. -Dliminal.db.url=… to compare databases).
# The players' limits are lifted: this is one address playing as fast as it can, a load, not players.
# shellcheck disable=SC2086
(cd "$work" && exec "$java" -Dliminal.limits.enabled=false ${JAVA_OPTS:-} -Dserver.host=127.0.0.1 -Dserver.port="$port" -jar "$OLDPWD/target/liminal-transit.jar" >"$work/log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "$base/health/ready"; do sleep 0.1; done

rps() { awk '/Requests\/sec/ {print $2}'; }
# warm-up, then the two measurements back to back
wrk -t "$connections" -c "$connections" -d 10s -s bench/step.lua "$base" >/dev/null
plain=$(wrk -t "$connections" -c "$connections" -d "$duration" "$base/health/live" | tee "$work/plain.txt" | rps)
step=$(wrk -t "$connections" -c "$connections" -d "$duration" --latency -s bench/step.lua "$base" | tee "$work/step.txt" | rps)
non2xx=$(awk '/Non-2xx or 3xx/ {print $5}' "$work/step.txt")

echo "plain endpoint (/health/live): ${plain} req/s"
echo "story step (board/read/choose): ${step} req/s   non-2xx/3xx: ${non2xx:-0}"
grep -E '^\s+(50|99)%' "$work/step.txt" | sed 's/^/  step latency /'
awk -v s="$step" -v p="$plain" 'BEGIN { printf "ratio step / plain: %.2f\n", s / p }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
