#!/usr/bin/env bash
# Two figures of the AI chain under load, each measured in one run on loopback:
#  1. 200 concurrent players with a provider that answers every call in 1 s (an OpenAI-compatible stub):
#     AI steps per second ÷ 200 (1.0 = the server adds no queueing), and RSS under that load;
#  2. step p99 with the provider down (connection refused: the breaker opens) ÷ step p99 with offline alone.
# Usage: bench/providers-under-load.sh   (after ./mvnw -B clean package -DskipTests; needs wrk, python3, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18282}"
stub_port="${STUB_PORT:-18283}"
players="${PLAYERS:-200}"
duration="${DURATION:-20}"
work="$(mktemp -d)"
pid=""; stub=""
trap 'kill $pid $stub 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

# A Chat Completions stub answering after 1 s, counting its calls.
cat >"$work/stub.py" <<'PY'
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, count_file = int(sys.argv[1]), sys.argv[2]
lock, calls = threading.Lock(), [0]
class Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(1.0)
        with lock:
            calls[0] += 1
            open(count_file, "w").write(str(calls[0]))
        story = {"passage": "The carriage sways through the long night; lamps pass like slow thoughts.",
                 "choices": [{"id": "a", "label": "Go on"}, {"id": "b", "label": "Look back"}],
                 "ending": False, "summary": "You ride on."}
        answer = json.dumps({"model": "bench-stub", "choices": [{"message": {"role": "assistant",
                 "content": json.dumps(story)}}], "usage": {"prompt_tokens": 900, "completion_tokens": 120}}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer))); self.end_headers(); self.wfile.write(answer)
ThreadingHTTPServer.request_queue_size = 512
ThreadingHTTPServer(("127.0.0.1", port), Stub).serve_forever()
PY

start_server() { # extra -D flags...; JAVA_OPTS: more JVM flags (split on spaces), e.g. -Xmx256m
  # shellcheck disable=SC2086
  (cd "$work" && exec "$java" ${JAVA_OPTS:-} -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dliminal.limits.enabled=false \
    -Dliminal.ai.daily-budget-usd=0 \
    -Dliminal.db.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    "$@" -jar "$OLDPWD/target/liminal-transit.jar" >>"$work/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "$base/health/ready"; do sleep 0.1; done
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
p99_ms() { awk '/^ +99%/ { v=$2; if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else { sub(/s$/, "", v); print v*1000 } }'; }

# 1. 200 players, 1 s provider
python3 "$work/stub.py" "$stub_port" "$work/calls" & stub=$!
start_server -Dliminal.ai.chain=openai -Dliminal.ai.openai.base-url="http://127.0.0.1:$stub_port/v1" \
  -Dliminal.ai.openai.model=bench-stub
wrk -t 4 -c 8 -d 5s -s bench/step.lua "$base" >/dev/null   # warm-up
echo 0 >"$work/calls"
before=$(cat "$work/calls")
wrk -t "$players" -c "$players" -d "${duration}s" --timeout 30s -s bench/step.lua "$base" >"$work/players.txt"
after=$(cat "$work/calls")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
fallbacks=$(curl -fs -H 'Accept: text/plain' "$base/metrics" | awk '/^narrative_fallbacks_total/ {s += $2} END {print s + 0}')
stop_server
kill "$stub"; stub=""
awk -v c="$((after - before))" -v d="$duration" -v p="$players" \
  'BEGIN { printf "1 s provider, %d players: %.1f AI steps/s, ratio to %d: %.2f\n", p, c / d, p, c / d / p }'
echo "  RSS under that load: $((rss_kb / 1024)) MB; fallbacks to offline: $fallbacks"

# 2. provider down (nothing listens on the stub port) vs offline alone, same load
start_server -Dliminal.ai.chain=openai -Dliminal.ai.openai.base-url="http://127.0.0.1:$stub_port/v1" \
  -Dliminal.ai.openai.model=bench-stub
wrk -t 4 -c 8 -d 5s -s bench/step.lua "$base" >/dev/null   # opens the breaker
down=$(wrk -t 8 -c 8 -d "${duration}s" --latency -s bench/step.lua "$base" | p99_ms)
stop_server
start_server -Dliminal.ai.chain=offline
wrk -t 4 -c 8 -d 5s -s bench/step.lua "$base" >/dev/null
offline=$(wrk -t 8 -c 8 -d "${duration}s" --latency -s bench/step.lua "$base" | p99_ms)
stop_server
awk -v d="$down" -v o="$offline" \
  'BEGIN { printf "step p99, provider down: %.1f ms; offline alone: %.1f ms; ratio %.2f\n", d, o, d / o }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
