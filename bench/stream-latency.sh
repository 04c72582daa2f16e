#!/usr/bin/env bash
# Streamed stops against a model that streams (issue 14, point 8), measured in one run on loopback, against the
# packaged server (liminal.stream.enabled=true, chain openai,offline, limits lifted, H2 in memory) and
# bench/StreamingVendor.java, an OpenAI-compatible stub that streams Chat Completions: the first token FIRST_MS
# (400) ms after the request, then RATE (40) tokens/s, a PASSAGE_TOKENS (150) token passage, the marker line and the
# JSON; it records when it flushed the end of its first sentence and its last token.
#  (a) one player, STOPS (40) streamed choices one after another (htmx POST with stream=1, then the stop's event
#      stream read with curl): the choice to the first `event: sentence` and to `event: commit`, p50 and p99, and
#      each against the stub's own time (the end of its first sentence, its last token) for the same stop;
#  (b) PLAYERS (200) players streaming at once (wrk, bench/stream.lua): stops per second ÷ the stub's ceiling
#      (PLAYERS streams of its length at once; also measured: the same stub alone under the same wrk connections,
#      earlier in the run), and heap per open stream (jcmd GC.class_histogram: the live heap with the players
#      minus idle, over the streams the stub had open).
# Not a test: figures go to bench/README.md. Bounded: about 6 minutes; every process it starts is stopped at exit.
# Usage: bench/stream-latency.sh   (builds target/liminal-transit.jar if missing or older than src/main; needs curl, wrk)
#        JAR=/elsewhere/liminal-transit.jar bench/stream-latency.sh   (another build, its libs/ beside it: no build)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C # $EPOCHREALTIME with a decimal point
# shellcheck source=.ci/jdk.sh
. .ci/jdk.sh
liminal_find_jdk || exit 1
java="$JAVA_HOME/bin/java"
jcmd="$JAVA_HOME/bin/jcmd"
port="${PORT:-18382}"
management_port="${MANAGEMENT_PORT:-18384}" # metrics live on the management socket, never the public port
stub_port="${STUB_PORT:-18383}"
stops="${STOPS:-40}"
players="${PLAYERS:-200}"
ramp="${RAMP:-10}"    # seconds before the measured window: every player has arrived and streams
window="${WINDOW:-20}" # seconds of the measured window (four streams per player)
first_ms="${FIRST_MS:-400}"
rate="${RATE:-40}"
passage_tokens="${PASSAGE_TOKENS:-150}"
for tool in curl wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: apt-get install -y $tool)" >&2; exit 1; }
done
work="$(mktemp -d)"
pid=""; stub=""; wrk_pid=""
# KEEP_WORK=1 keeps the server's log, the stub's records and wrk's output in $work (named at the end)
trap 'kill $wrk_pid $pid $stub 2>/dev/null || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
stub_url="http://127.0.0.1:$stub_port"

jar="${JAR:-target/liminal-transit.jar}"
case $jar in /*) ;; *) jar="$PWD/$jar" ;; esac # the server starts in $work
if [ -z "${JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; }; then
  echo "building target/liminal-transit.jar" >&2
  ./mvnw -B -q package -DskipTests -Dexec.skip=true >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
fi

# ---- the stub, the server
for taken in "$stub_port" "$port" "$management_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$taken/"; then echo "port $taken is taken (STUB_PORT, PORT, MANAGEMENT_PORT)" >&2; exit 1; fi
done
"$java" bench/StreamingVendor.java "$stub_port" "$first_ms" "$rate" "$passage_tokens" >"$work/stub.log" 2>&1 &
stub=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "$stub_url/calls" && break; sleep 0.1; done
kill -0 "$stub" 2>/dev/null || { echo "the stub did not start:" >&2; cat "$work/stub.log" >&2; exit 1; }
# shellcheck disable=SC2086 # JAVA_OPTS: more JVM flags, split on spaces
(cd "$work" && exec "$java" ${JAVA_OPTS:-} -Dserver.host=127.0.0.1 -Dserver.port="$port" \
  -Dserver.sockets.0.port="$management_port" -Dliminal.limits.enabled=false -Dliminal.ai.daily-budget-usd=0 \
  -Dliminal.db.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  -Dliminal.stream.enabled=true -Dliminal.ai.chain=openai,offline \
  -Dliminal.ai.openai.base-url="$stub_url/v1" -Dliminal.ai.openai.model=bench-stub \
  -jar "$jar" >"$work/log" 2>&1) &
pid=$!
ready=""
for _ in $(seq 1 1800); do # 180 s, as testing/ServerProcess allows on a loaded machine
  curl -fs -o /dev/null "$base/health/ready" && { ready=1; break; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "the server did not start:" >&2; tail -5 "$work/log" >&2; exit 1; }
sed -n 1p "$work/stub.log"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
# The players arrive one stream's length apart in all (the stub says how long its streams are): a steady load, as
# players who came at different times make, not PLAYERS commits in the same instant stop after stop.
stream_ms=$(sed -nE 's/.*last token due at ([0-9.]+) s.*/\1/p' "$work/stub.log" | awk '{ printf "%d", $1 * 1000 }')
apart_ms=$((stream_ms / players))

# Waits (at most 30 s) until the stub writes no stream: streams whose player went away are finished by the server.
drain() {
  for _ in $(seq 1 300); do
    [ "$(curl -fs "$stub_url/open")" = 0 ] && return 0
    sleep 0.1
  done
  echo "the stub still writes $(curl -fs "$stub_url/open") streams" >&2
  return 1
}
steps_by_provider() {
  curl -fs -H 'Accept: text/plain' "http://127.0.0.1:$management_port/metrics" \
    | awk '/^narrative_steps_total/ { match($0, /provider="[^"]*"/); p = substr($0, RSTART + 10, RLENGTH - 11)
             s[p] += $2 } END { for (p in s) printf "%s %d\n", p, s[p] }' | sort
}
# Live heap in KB: jcmd GC.class_histogram collects the whole heap, then counts what is left, in one step (GC.run
# then GC.heap_info would count what 200 streams allocate between the two commands). Keeps the histogram in $1.
live_heap_kb() {
  "$jcmd" "$pid" GC.class_histogram >"$work/$1.histogram"
  awk '$1 == "Total" { printf "%d", $3 / 1024 }' "$work/$1.histogram"
}
# Starts wrk in the background for RAMP + WINDOW + $2 s (its arguments after that) and returns after the window,
# noting in $work/$1.window its ends (epoch µs) and the CPU the server and the stub used in it (clock ticks).
start_load() {
  local name=$1 extra=$2 t1 t2
  shift 2
  wrk -t "$players" -c "$players" -d "$((ramp + window + extra))s" --timeout 30s "$@" >"$work/$name.wrk" 2>&1 &
  wrk_pid=$!
  sleep "$ramp"
  t1=${EPOCHREALTIME/./}
  local server1 stub1
  server1=$(cpu_ticks "$pid")
  stub1=$(cpu_ticks "$stub")
  sleep "$window"
  t2=${EPOCHREALTIME/./}
  echo "$t1 $t2 $(($(cpu_ticks "$pid") - server1)) $(($(cpu_ticks "$stub") - stub1))" >"$work/$name.window"
}
# CPU time a process has used (user + system), in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_s=$(getconf CLK_TCK)
finish_load() {
  wait "$wrk_pid" || true
  wrk_pid=""
  drain
}
# Stops per second over a window, from the stub's records (Little's law, exact for any phase of the players'
# cycles): L = the streams in progress on average over the window, W = the mean length of the streams that ended
# in it, stops/s = L / W. Prints "L W stops/s finished-in-window/s".
throughput() {
  local t1 t2
  read -r t1 t2 _ <"$work/$1.window"
  curl -fs "$stub_url/records" | awk -v a="$t1" -v b="$t2" '{
      s = $2; e = $4; lo = s > a ? s : a; hi = e < b ? e : b; if (hi > lo) busy += hi - lo
      if (e >= a && e < b) { n++; w += e - s } }
    END { L = busy / (b - a); W = w / n / 1e6; printf "%.1f %.3f %.2f %.2f\n", L, W, L / W, n / ((b - a) / 1e6) }'
}

# ---- the ceiling: the stub alone, PLAYERS wrk connections asking for streams back to back
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"stream": true}'
wrk.headers["Content-Type"] = "application/json"
local players = 0
function setup(thread) thread:set("arrival", players); players = players + 1 end
local apart, arrived = 0, false
function init(args) apart = tonumber(args[1] or "0") or 0 end
function delay() if arrived then return 0 end arrived = true return arrival * apart end
LUA
start_load ceiling 2 -s "$work/post.lua" "$stub_url/v1/chat/completions" -- "$apart_ms"
finish_load
read -r ceiling_l ceiling_w ceiling ceiling_n < <(throughput ceiling)

# ---- warm-up: 50 players for 15 s (the JIT compiles the streamed step)
wrk -t 50 -c 50 -d 15s --timeout 30s -s bench/stream.lua "$base" -- "$((stream_ms / 50))" >/dev/null
drain

# ---- (a) one player, STOPS streamed stops one after another
step_re='name="step" value="([0-9]+)"'
choice_re='value="([a-z0-9]+)"><span'
ride=$(curl -fs -c "$work/cookies" -o /dev/null -w '%{redirect_url}' -X POST "$base/stories")
step=0
choice=a
before=$(curl -fs "$stub_url/records" | wc -l)
: >"$work/client"
for _ in $(seq 1 "$stops"); do
  first=""; commit=""; next_step=""; next_choice=""
  t0=$EPOCHREALTIME
  curl -fs -b "$work/cookies" -o /dev/null -H 'HX-Request: true' -d "step=$step&choice=$choice&stream=1" \
    "$ride/choices"
  while IFS= read -r line; do
    case $line in
      'event: sentence') [ -n "$first" ] || first=$EPOCHREALTIME ;;
      'event: commit') commit=$EPOCHREALTIME ;;
    esac
    if [ -n "$commit" ] && [ -z "$next_choice" ]; then
      if [[ $line =~ $step_re ]]; then next_step=${BASH_REMATCH[1]}; fi
      if [[ $line =~ $choice_re ]]; then next_choice=${BASH_REMATCH[1]}; fi
    fi
  done < <(curl -sN -b "$work/cookies" -H 'Accept: text/event-stream' "$ride/stops/$((step + 1))/stream")
  if [ -z "$first" ] || [ -z "$commit" ] || [ "$next_step" != "$((step + 1))" ] || [ -z "$next_choice" ]; then
    echo "stop $((step + 1)) did not stream to a commit with choices (first=$first commit=$commit)" >&2
    exit 1
  fi
  echo "$t0 $first $commit" >>"$work/client"
  step=$next_step
  choice=$next_choice
done
drain
curl -fs "$stub_url/records" | tail -n +"$((before + 1))" >"$work/stub"
if [ "$(wc -l <"$work/stub")" != "$stops" ]; then
  echo "the stub wrote $(wc -l <"$work/stub") streams for $stops stops" >&2
  exit 1
fi
idle_before=$(live_heap_kb idle-before)
steps_a=$(steps_by_provider | tr '\n' ' ')

# ---- (b) PLAYERS players streaming at once; then the heap with them (three samples), and idle again after
start_load players 12 -s bench/stream.lua "$base" -- "$apart_ms"
: >"$work/heap"
for sample in 1 2 3; do
  open_before=$(curl -fs "$stub_url/open")
  used=$(live_heap_kb "players-$sample")
  open_after=$(curl -fs "$stub_url/open")
  echo "$used $open_before $open_after" >>"$work/heap"
  sleep 1
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
finish_load
idle_after=$(live_heap_kb idle-after)
read -r app_l app_w app ceiling_n_app < <(throughput players)

# ---- the figures
# per stop, in ms: the client's times from the choice, the stub's from the call, and the differences
paste -d' ' "$work/client" "$work/stub" | awk '{
    t0 = $1; first = $2; commit = $3; received = $5 / 1e6; end1 = $6 / 1e6; last = $7 / 1e6
    printf "%.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", (first - t0) * 1000, (commit - t0) * 1000, (received - t0) * 1000,
      (end1 - received) * 1000, (last - received) * 1000, (first - end1) * 1000, (commit - last) * 1000 }' \
  >"$work/joined"
quantile() {
  awk -v c="$2" '{ print $c }' "$work/joined" | sort -n | awk -v q="$1" '{ v[NR] = $1 } END {
    i = int(q * NR); if (i < q * NR) i++; if (i < 1) i = 1; printf "%.1f", v[i] }'
}
row() { printf '| %s | %s ms | %s ms |\n' "$1" "$(quantile 0.50 "$2")" "$(quantile 0.99 "$2")"; }
echo
echo "(a) one player, $stops streamed stops one after another (quantiles by nearest rank)"
echo "| from the choice (client) or from the call (stub) | p50 | p99 |"
echo "|---|---|---|"
row "choice → first \`event: sentence\`" 1
row "choice → \`event: commit\`" 2
row "choice → the stub reads the model call" 3
row "stub: call → end of its first sentence flushed" 4
row "stub: call → last token flushed" 5
row "**first sentence shown − stub's end of first sentence** (target ≤ 50)" 6
row "**commit − stub's last token** (target ≤ 50)" 7
echo "steps by provider so far: $steps_a"
echo
echo "(b) $players players streaming at once, a ${window} s window after ${ramp} s"
awk -v c="$ceiling" -v cl="$ceiling_l" -v cw="$ceiling_w" -v cn="$ceiling_n" -v a="$app" -v al="$app_l" \
  -v aw="$app_w" -v an="$ceiling_n_app" -v p="$players" -v ms="$stream_ms" 'BEGIN {
    top = p * 1000 / ms
    printf "the stub'"'"'s ceiling: %d streams of %.3f s at once = %.2f streams/s\n", p, ms / 1000, top
    printf "the stub alone under wrk: %.2f streams/s (in progress on average %.1f, mean stream %.3f s; %.2f/s ended in the window)\n", c, cl, cw, cn
    printf "the server:               %.2f stops/s   (in progress on average %.1f, mean stream %.3f s; %.2f/s ended in the window)\n", a, al, aw, an
    printf "**stops/s ÷ the ceiling: %.3f** (target ≥ 0.95); ÷ the stub alone under wrk: %.3f\n", a / top, a / c }'
read -r _ _ server_ticks stub_ticks <"$work/players.window"
awk -v s="$server_ticks" -v u="$stub_ticks" -v hz="$ticks_per_s" -v w="$window" -v a="$app" 'BEGIN {
    printf "CPU in the window: the server %.2f cores, %.1f ms per stop; the stub %.2f cores\n", s / hz / w, s / hz * 1000 / (a * w), u / hz / w }'
grep -E 'requests in|Socket errors|Non-2xx' "$work/players.wrk" | sed 's/^ */  wrk: /'
awk -v i="$idle_before" -v j="$idle_after" \
  'BEGIN { printf "live heap idle: %.1f MB before the players, %.1f MB after them (the baseline below)\n", i / 1024, j / 1024 }'
while read -r used o1 o2; do
  awk -v u="$used" -v i="$idle_after" -v o1="$o1" -v o2="$o2" 'BEGIN { o = (o1 + o2) / 2
    printf "live heap with %s→%s streams open: %.1f MB; **per open stream: %.0f KB**\n", o1, o2, u / 1024, (u - i) / o }'
done <"$work/heap"
# what the open streams hold: the classes that grew most from idle to the second sample
echo "grown most with the players (second sample − idle after; bytes, instances, class):"
awk 'FNR == NR && $1 ~ /:$/ { b[$4] = $3; c[$4] = $2; next }
     $1 ~ /:$/ { printf "%d %d %s\n", $3 - b[$4], $2 - c[$4], $4 }' \
  "$work/idle-after.histogram" "$work/players-2.histogram" | sort -rn | awk 'NR <= 8 { print "  " $0 }'
echo "RSS with the players: $((rss_kb / 1024)) MB; steps by provider at the end: $(steps_by_provider | tr '\n' ' ')"
warnings=$(grep -E '^(WARNING|SEVERE)' "$work/log" | grep -cv 'No price for model' || true)
echo "server log: $warnings warnings (the first three kinds below)"
grep -E '^(WARNING|SEVERE)' "$work/log" | grep -v 'No price for model' | cut -c1-160 | sort | uniq -c | sort -rn \
  | awk 'NR <= 3 { print "  " $0 }' || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)"
if [ -n "${KEEP_WORK:-}" ]; then echo "kept: $work"; fi
