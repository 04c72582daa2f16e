#!/usr/bin/env bash
# Start-up time, RSS and first-page weight of the packaged server, measured in one run on loopback.
# Usage: bench/startup-and-first-page.sh   (after ./mvnw -B clean package -DskipTests)
# Figures are for this machine at this moment; compare ratios, not absolutes, across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port="${PORT:-18181}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"

start=$(date +%s%N)
(cd "$work" && exec "$java" -Dliminal.limits.enabled=false -Dserver.host=127.0.0.1 -Dserver.port="$port" -jar "$OLDPWD/target/liminal-transit.jar" >"$work/log" 2>&1) &
pid=$!
until curl -fs -o /dev/null "$base/health/ready"; do sleep 0.05; done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss_idle_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

# First page: the landing page and everything it loads, gzip as a browser asks for it.
page_bytes=0; requests=0
for path in / $(curl -fs "$base/" | grep -oE '(href|src)="/(static|webjars)/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//'); do
  bytes=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$path")
  page_bytes=$((page_bytes + bytes)); requests=$((requests + 1))
done

# A bounded load: 200 rides of 5 stops each, one after another, then RSS again.
for _ in $(seq 1 200); do
  loc=$(curl -fs -c "$work/cookies" -o /dev/null -w '%{redirect_url}' -X POST "$base/stories")
  for step in 0 1 2 3 4; do
    curl -fs -b "$work/cookies" -o /dev/null -X POST -d "step=$step&choice=a" "$loc/choices" || true
  done
done
rss_load_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

echo "start-up to ready:        ${ready_ms} ms"
echo "RSS when ready:           $((rss_idle_kb / 1024)) MB"
echo "RSS after 200 rides:      $((rss_load_kb / 1024)) MB"
echo "first page:               ${page_bytes} bytes over the wire in ${requests} requests (Accept-Encoding: gzip)"
