#!/usr/bin/env bash
# Performs docker/Dockerfile's build and run steps without Docker (no Docker engine runs on our
# machines), so that a broken module list, entrypoint flag or health probe shows here first:
#   1. package the app with Maven as the build stage does (./mvnw, or mvn without a wrapper);
#   2. jlink a runtime with docker/jlink-modules.txt and the Dockerfile's jlink options, compile the probe;
#   3. lay out /opt/java, /opt/app, /opt/healthcheck under target/docker-verify/;
#   4. run docker/train-aot.sh with the Dockerfile's training command (writes the AOT cache);
#   5. start the app with the Dockerfile's ENTRYPOINT (paths mapped into target/docker-verify/),
#      bound to 127.0.0.1 only, poll /health/live with the HEALTHCHECK command, then stop it;
#      once with the AOT cache and once without, and print both start-up times.
# Usage: docker/verify-dockerfile.sh [--skip-build]   (JAVA_HOME: a JDK of the Dockerfile's major version)
# Environment: VERIFY_PORT (default 18080).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dockerfile="$root/docker/Dockerfile"
out="$root/target/docker-verify"
port="${VERIFY_PORT:-18080}"
skip_build=false
[[ "${1:-}" == "--skip-build" ]] && skip_build=true

fail() {
    echo "verify-dockerfile: FAIL: $*" >&2
    exit 1
}
step() { echo "verify-dockerfile: $*"; }

# --- read the Dockerfile ---------------------------------------------------------------------
# a JSON exec-form array of one instruction, as one argument per line
json_array() {
    local instruction=$1
    local line
    line=$(grep -E "^[[:space:]]*(${instruction})[[:space:]]+\[" "$dockerfile" | head -n 1) || true
    [[ -n "$line" ]] || fail "no exec-form $instruction in $dockerfile"
    line=${line#*[}
    line=${line%]*}
    # split "a", "b", "c" into lines
    sed -e 's/^[[:space:]]*"//' -e 's/"[[:space:]]*$//' -e 's/"[[:space:]]*,[[:space:]]*"/\n/g' <<<"$line"
}

mapfile -t entrypoint < <(json_array ENTRYPOINT)
mapfile -t training < <(json_array 'RUN')
mapfile -t healthcheck < <(json_array '    CMD')
[[ "${training[0]}" == "/opt/app/train-aot.sh" ]] || fail "first exec-form RUN is not the AOT training run"
training=("${training[@]:1}")

# the training command must be the ENTRYPOINT with AOTCacheOutput in place of AOTCache
expected=$(printf '%s\n' "${entrypoint[@]}" | sed 's/-XX:AOTCache=/-XX:AOTCacheOutput=/')
actual=$(printf '%s\n' "${training[@]}")
[[ "$expected" == "$actual" ]] || fail "training command differs from ENTRYPOINT:
  ENTRYPOINT: ${entrypoint[*]}
  training:   ${training[*]}"
grep -q -- '-XX:MaxRAMPercentage=' <<<"$actual" || fail "ENTRYPOINT sets no container-aware heap (-XX:MaxRAMPercentage)"
grep -qE '^USER [0-9]+' "$dockerfile" || fail "no numeric non-root USER"

jdk_major=$(sed -nE 's/^ARG JDK_IMAGE=eclipse-temurin:([0-9]+).*/\1/p' "$dockerfile")
java_major=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 |
    sed -nE 's/^[[:space:]]*java\.specification\.version = ([0-9]+).*/\1/p')
[[ "$jdk_major" == "$java_major" ]] || fail "Dockerfile builds with JDK $jdk_major, JAVA_HOME is JDK $java_major"
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

# the jlink options are the ones of the Dockerfile's RUN jlink line
jlink_opts=(--strip-debug --no-man-pages --no-header-files --compress=zip-6)
for opt in "${jlink_opts[@]}"; do
    grep -q -- "$opt" "$dockerfile" || fail "Dockerfile's jlink does not use $opt (keep this script in step)"
done

# --- build -------------------------------------------------------------------------------------
cd "$root"
if [[ "$skip_build" == false ]]; then
    mvn_cmd=(mvn)
    [[ -x ./mvnw ]] && mvn_cmd=(./mvnw)
    step "package: ${mvn_cmd[*]} -B -q clean package -Dmaven.test.skip=true"
    "${mvn_cmd[@]}" -B -q clean package -Dmaven.test.skip=true
fi
[[ -f target/liminal-transit.jar && -d target/libs ]] || fail "target/liminal-transit.jar or target/libs missing"

rm -rf "$out"
mkdir -p "$out/opt/app"
modules=$(paste -sd, docker/jlink-modules.txt)
step "jlink --add-modules $modules"
"${jdk_bin}jlink" --add-modules "$modules" "${jlink_opts[@]}" --output "$out/opt/java"
"${jdk_bin}javac" --release 21 -d "$out/opt/healthcheck" docker/HealthCheck.java
cp -r target/libs "$out/opt/app/libs"
cp target/liminal-transit.jar "$out/opt/app/liminal-transit.jar"
install -m 755 docker/train-aot.sh "$out/opt/app/train-aot.sh"
step "runtime image: $(du -sh "$out/opt/java" | cut -f1) java, $(du -sh "$out/opt/app" | cut -f1) app"

# --- run -----------------------------------------------------------------------------------------
# map the image's absolute paths into $out; "java" is the jlink'd one (first on PATH, as in the image)
map() {
    local arg
    for arg in "$@"; do
        printf '%s\n' "${arg//\/opt\//$out/opt/}"
    done
}
export PATH="$out/opt/java/bin:$PATH"
export HEALTHCHECK_CP="$out/opt/healthcheck"
export SERVER_PORT="$port"
export SERVER_HOST=127.0.0.1 # loopback only; the image listens on all interfaces of its own network
export LIMINAL_AI_CHAIN=offline

mapfile -t run_training < <(map "${training[@]}")
mapfile -t run_app < <(map "${entrypoint[@]}")
mapfile -t run_probe < <(map "${healthcheck[@]}")

step "AOT training run: ${run_training[*]}"
"$out/opt/app/train-aot.sh" "${run_training[@]}" >"$out/training.log" 2>&1 ||
    { tail -n 40 "$out/training.log" >&2; fail "training run failed (log: $out/training.log)"; }
aot="$out/opt/app/app.aot"
[[ -s "$aot" ]] || { tail -n 40 "$out/training.log" >&2; fail "training run wrote no AOT cache"; }
step "AOT cache: $(du -h "$aot" | cut -f1)"

# start, poll the HEALTHCHECK command until live, stop; prints milliseconds to live
start_and_probe() {
    local log=$1
    shift
    local work started app ms
    work=$(mktemp -d)
    started=$(date +%s%N)
    (cd "$work" && exec "$@") >"$log" 2>&1 &
    app=$!
    until "${run_probe[@]}" >/dev/null 2>&1; do
        if ! kill -0 "$app" 2>/dev/null; then
            rm -rf "$work"
            tail -n 40 "$log" >&2
            fail "application exited before /health/live answered (log: $log)"
        fi
        if (($(date +%s%N) - started > 90000000000)); then
            kill "$app" 2>/dev/null || true
            rm -rf "$work"
            fail "no live answer within 90 s (log: $log)"
        fi
        sleep 0.1
    done
    ms=$((($(date +%s%N) - started) / 1000000))
    kill -TERM "$app"
    wait "$app" || true
    rm -rf "$work"
    if grep -qiE 'AOT cache.*(mismatch|disabled|cannot|failed)|Unable to use AOT cache' "$log"; then
        grep -iE 'AOT cache' "$log" >&2
        fail "the AOT cache was rejected (log: $log)"
    fi
    echo "$ms"
}

step "ENTRYPOINT: ${run_app[*]}"
with_cache=$(start_and_probe "$out/run-aot.log" "${run_app[@]}")
mapfile -t run_plain < <(printf '%s\n' "${run_app[@]}" | grep -v -- '-XX:AOTCache=')
without_cache=$(start_and_probe "$out/run-plain.log" "${run_plain[@]}")
step "live on 127.0.0.1:$port after ${with_cache} ms with the AOT cache, ${without_cache} ms without"
step "OK"
