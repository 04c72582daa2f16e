#!/usr/bin/env bash
# The time the safety layers add to a story step: the packaged server with an OpenAI-compatible model stub that
# answers at once (SlowVendor.java, 0 ms) and classifier stubs that answer in 50 ms (ClassifierStub.java,
# CLASSIFIER_DELAY), once per configuration of liminal.safety.checks. Not a test: figures go to bench/README.md.
# For each configuration one player plays STEPS steps one after another (after WARMUP steps); the script reports
# the check's own time inside each step (the server's safety_latency_seconds{layer="all"} timer, p50 and p99; the
# timer also saw the warm-up, including the first call that builds the SDK client), the step's wall time seen by
# curl after the warm-up (p50, p99), and what the classifiers add to it: the step's quantile minus the same
# quantile with the rules alone.
# Usage: bench/safety-layers.sh   (after ./mvnw -B clean package -DskipTests; needs curl)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18282}"
admin_port="${ADMIN_PORT:-18283}"
model_port="${MODEL_PORT:-18284}"
classifier_port="${CLASSIFIER_PORT:-18285}"
delay="${CLASSIFIER_DELAY:-50}"
steps="${STEPS:-400}"
warmup="${WARMUP:-100}"
work="$(mktemp -d)"
pid=""
trap 'kill "$pid" "$model" "$classifiers" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

"$java" bench/SlowVendor.java "$model_port" 0 &
model=$!
"$java" bench/ClassifierStub.java "$classifier_port" "$delay" &
classifiers=$!
until curl -fs -o /dev/null "http://127.0.0.1:$model_port/calls" \
  && curl -fs -o /dev/null "http://127.0.0.1:$classifier_port/calls"; do sleep 0.1; done

# p-th quantile (0..1) of the numbers in a file, in ms (the file holds seconds)
quantile() { sort -n "$2" | awk -v q="$1" '{ v[NR] = $1 } END {
  i = int(q * NR + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; printf "%.1f", v[i] * 1000 }'; }

# the server's timer of the whole check, from the management socket (seconds → ms)
check_time() {
  curl -fs "http://127.0.0.1:$admin_port/metrics" \
    | awk -v q="$1" '/^safety_latency_seconds\{/ && /layer="all"/ && $0 ~ "quantile=\"" q "\"" { printf "%.1f", $2 * 1000 }'
}

run() {
  local checks="$1"
  (cd "$work" && AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1 exec "$java" \
    -Dserver.host=127.0.0.1 -Dserver.port="$port" -Dserver.sockets.0.port="$admin_port" \
    -Dliminal.limits.enabled=false -Dliminal.ai.chain=openai \
    -Dliminal.ai.openai.base-url="http://127.0.0.1:$model_port/v1" -Dliminal.ai.openai.model=bench-stub \
    -Dliminal.db.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    -Dliminal.safety.checks="$checks" \
    -Dliminal.safety.comprehend.endpoint="http://127.0.0.1:$classifier_port" \
    -Dliminal.safety.guardrail.endpoint="http://127.0.0.1:$classifier_port" \
    -Dliminal.safety.guardrail.id=bench -Dliminal.safety.guardrail.version=1 \
    -jar "$OLDPWD/target/liminal-transit.jar" >"$work/log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "$base/health/ready"; do sleep 0.1; done
  : >"$work/times"
  local loc step
  loc=$(curl -fs -c "$work/cookies" -o /dev/null -w '%{redirect_url}' -X POST "$base/stories")
  for step in $(seq 0 $((warmup + steps - 1))); do
    if [ "$step" -ge "$warmup" ]; then
      curl -fs -b "$work/cookies" -o /dev/null -w '%{time_total}\n' -X POST -d "step=$step&choice=a" \
        "$loc/choices" >>"$work/times"
    else
      curl -fs -b "$work/cookies" -o /dev/null -X POST -d "step=$step&choice=a" "$loc/choices"
    fi
  done
  local p50 p99
  p50=$(quantile 0.50 "$work/times")
  p99=$(quantile 0.99 "$work/times")
  if [ -z "${rules_p50:-}" ]; then
    rules_p50=$p50
    rules_p99=$p99
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$checks" "$(check_time 0.5)" "$(check_time 0.99)" "$p50" "$p99" \
    "$(awk -v a="$p50" -v b="$rules_p50" 'BEGIN { printf "%+.1f", a - b }')" \
    "$(awk -v a="$p99" -v b="$rules_p99" 'BEGIN { printf "%+.1f", a - b }')"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "classifier stubs answer in ${delay} ms; ${steps} steps per configuration after ${warmup} warm-up steps;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| liminal.safety.checks | check p50 (ms) | check p99 (ms) | step p50 (ms) | step p99 (ms) | added p50 | added p99 |"
echo "|---|---|---|---|---|---|---|"
for checks in rules rules,comprehend rules,guardrail rules,comprehend,guardrail; do
  run "$checks"
done
echo "classifier calls answered: $(curl -fs "http://127.0.0.1:$classifier_port/calls")"
