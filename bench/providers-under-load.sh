#!/usr/bin/env bash
# Two figures of the AI chain under load, each measured in one run on loopback:
#  1. 200 concurrent players with a provider that answers every call in 1 s (an OpenAI-compatible stub):
#     AI steps per second ÷ 200 (1.0 = the server adds no queueing), and RSS under that load; and, as the
#     machine's own ceiling, the calls per second that the same 200 connections get from the stub alone;
#  2. step p99 with the provider down (connection refused: the breaker opens) ÷ step p99 with offline alone.
# Usage: bench/providers-under-load.sh   (after ./mvnw -B clean package -DskipTests; needs wrk and curl; the vendor stub is bench/SlowVendor.java)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18282}"
management_port="${MANAGEMENT_PORT:-18284}" # metrics live on the management socket, never the public port
stub_port="${STUB_PORT:-18283}"
players="${PLAYERS:-200}"
duration="${DURATION:-20}"
work="$(mktemp -d)"
pid=""; stub=""
trap 'kill $pid $stub 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

start_server() { # extra -D flags...; JAVA_OPTS: more JVM flags (split on spaces), e.g. -Xmx256m
  # shellcheck disable=SC2086
  (cd "$work" && exec "$java" ${JAVA_OPTS:-} -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dserver.sockets.0.port="$management_port" -Dliminal.limits.enabled=false \
    -Dliminal.ai.daily-budget-usd=0 \
    -Dliminal.db.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    "$@" -jar "$OLDPWD/target/liminal-transit.jar" >>"$work/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "$base/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server did not start:" >&2; tail -5 "$work/log" >&2; exit 1; }
    sleep 0.1
  done
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
p99_ms() { awk '/^ +99%/ { v=$2; if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else { sub(/s$/, "", v); print v*1000 } }'; }

# 1. 200 players, 1 s provider
"$java" bench/SlowVendor.java "$stub_port" 1000 & stub=$!
until curl -fs -o /dev/null "http://127.0.0.1:$stub_port/calls"; do sleep 0.1; done
start_server -Dliminal.ai.chain=openai -Dliminal.ai.openai.base-url="http://127.0.0.1:$stub_port/v1" \
  -Dliminal.ai.openai.model=bench-stub
printf 'wrk.method = "POST"\nwrk.body = "{}"\nwrk.headers["Content-Type"] = "application/json"\n' >"$work/post.lua"
ceiling=$(wrk -t 4 -c "$players" -d "${duration}s" --timeout 30s -s "$work/post.lua" \
  "http://127.0.0.1:$stub_port/v1/chat/completions" | awk '/^Requests\/sec/ {print $2}')
wrk -t 4 -c 8 -d 15s -s bench/step.lua "$base" >/dev/null   # warm-up (the JIT compiles the step)
before=$(curl -fs "http://127.0.0.1:$stub_port/calls")
wrk -t "$players" -c "$players" -d "${duration}s" --timeout 30s -s bench/step.lua "$base" >"$work/players.txt"
after=$(curl -fs "http://127.0.0.1:$stub_port/calls")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
fallbacks=$(curl -fs -H 'Accept: text/plain' "http://127.0.0.1:$management_port/metrics" | awk '/^narrative_fallbacks_total/ {s += $2} END {print s + 0}')
stop_server
kill "$stub"; stub=""
awk -v c="$((after - before))" -v d="$duration" -v p="$players" -v top="$ceiling" \
  'BEGIN { printf "1 s provider, %d players: %.1f AI steps/s, ratio to %d: %.2f (stub alone: %.1f/s, ratio %.2f)\n",
           p, c / d, p, c / d / p, top, top / p }'
echo "  RSS under that load: $((rss_kb / 1024)) MB; fallbacks to offline: $fallbacks"

# 2. provider down (nothing listens on the stub port) vs offline alone, same load
start_server -Dliminal.ai.chain=openai -Dliminal.ai.openai.base-url="http://127.0.0.1:$stub_port/v1" \
  -Dliminal.ai.openai.model=bench-stub
wrk -t 4 -c 8 -d 15s -s bench/step.lua "$base" >/dev/null   # opens the breaker, warms up
down=$(wrk -t 8 -c 8 -d "${duration}s" --latency -s bench/step.lua "$base" | p99_ms)
stop_server
start_server -Dliminal.ai.chain=offline
wrk -t 4 -c 8 -d 15s -s bench/step.lua "$base" >/dev/null
offline=$(wrk -t 8 -c 8 -d "${duration}s" --latency -s bench/step.lua "$base" | p99_ms)
stop_server
awk -v d="$down" -v o="$offline" \
  'BEGIN { printf "step p99, provider down: %.1f ms; offline alone: %.1f ms; ratio %.2f\n", d, o, d / o }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
