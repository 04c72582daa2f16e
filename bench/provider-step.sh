#!/usr/bin/env bash
# Prompt size as a ride grows, and the latency the server adds to a step, with an OpenAI-compatible stub that
# answers every call in 1 s (STUB_DELAY). Not a test: figures go to bench/README.md and issue notes.
# Usage: bench/provider-step.sh   (after ./mvnw -B clean package -DskipTests; needs python3 and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18182}"
stub_port="${STUB_PORT:-18183}"
stops="${STOPS:-40}"
delay="${STUB_DELAY:-1.0}"
work="$(mktemp -d)"
trap 'kill "$pid" "$stub" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

# The stub: Chat Completions with a long passage and a summary near the cap, as a real model would write late
# in a ride; it logs the characters of every prompt it receives, by stop.
cat >"$work/stub.py" <<'PY'
import json, re, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, delay, log = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
class Stub(BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = "".join(m["content"] for m in body["messages"])
        stop = int(re.search(r"Write stop (\d+)", prompt).group(1))
        with open(log, "a") as f: f.write(f"{stop} {len(prompt)}\n")
        time.sleep(delay)
        story = {"passage": ("The carriage sways through a long night at stop %d. " % stop) * 14,
                 "choices": [{"id": "a", "label": "Go on"}, {"id": "b", "label": "Look back"}],
                 "ending": False, "summary": ("At stop %d you still ride. " % stop) * 40}
        answer = json.dumps({"model": "bench-stub", "choices": [{"message": {"role": "assistant",
                 "content": json.dumps(story)}}], "usage": {"prompt_tokens": len(prompt) // 4,
                 "completion_tokens": 300}}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer))); self.end_headers(); self.wfile.write(answer)
ThreadingHTTPServer(("127.0.0.1", port), Stub).serve_forever()
PY
python3 "$work/stub.py" "$stub_port" "$delay" "$work/prompts" &
stub=$!

(cd "$work" && exec "$java" -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dliminal.limits.enabled=false -Dliminal.ai.chain=openai \
  -Dliminal.ai.openai.base-url="http://127.0.0.1:$stub_port/v1" -Dliminal.ai.openai.model=bench-stub \
  -Dliminal.db.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  -jar "$OLDPWD/target/liminal-transit.jar" >"$work/log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "$base/health/ready"; do sleep 0.1; done

# One warm-up ride, then one long ride; every step's wall time is measured by curl.
for _ in warm-up measured; do
  : >"$work/prompts"; : >"$work/times"
  loc=$(curl -fs -c "$work/cookies" -o /dev/null -w '%{redirect_url}' -X POST "$base/stories")
  for step in $(seq 0 $((stops - 2))); do
    curl -fs -b "$work/cookies" -o /dev/null -w '%{time_total}\n' -X POST -d "step=$step&choice=a" \
      "$loc/choices" >>"$work/times"
  done
done

tokens_at() { awk -v s="$1" '$1 == s { print int($2 / 4) }' "$work/prompts" | tail -n 1; }
added() { sort -n "$work/times" | awk -v q="$1" -v d="$delay" '{ v[NR] = $1 } END {
  i = int(q * NR); if (i < 1) i = 1; if (i > NR) i = NR; printf "%d ms\n", (v[i] - d) * 1000 }'; }
echo "prompt tokens (chars/4) at stop 5:   $(tokens_at 5)"
echo "prompt tokens (chars/4) at stop $stops:  $(tokens_at "$stops")"
echo "added latency per step, p50:         $(added 0.50)   (step wall time minus the stub's ${delay} s)"
echo "added latency per step, p99:         $(added 0.99)   over $(wc -l <"$work/times") steps"
