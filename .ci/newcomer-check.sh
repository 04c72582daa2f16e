#!/usr/bin/env bash
# Proves the README's two commands on a clean clone, run as a newcomer on one of our machines runs them: Java 17
# first on the PATH and JAVA_HOME unset.
#   1. Without a JDK 21 to be found, ./play and ./test print one line and exit non-zero.
#   2. Without Chromium and Node.js, ./test prints one line naming them and exits non-zero.
#   3. Maven itself on Java 17 (./mvnw straight) stops at once with the enforcer's one-line reason.
#   4. ./play builds and serves: /health/ready answers 200 (bounded wait), then the server is stopped.
#   5. ./test runs Maven on a JDK 21+: one unit test, no integration tests (the whole suite is .ci/run's job).
# Usage: .ci/newcomer-check.sh [COMMIT]   (default HEAD; a clone sees committed work only)
# Environment: NEWCOMER_JAVA17 (a Java 17 home; default the Debian one, else the java on the PATH),
# NEWCOMER_READY_TIMEOUT (seconds for ./play to build and answer, default 900), NEWCOMER_KEEP=1 keeps the clone.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$root" rev-parse --verify "${1:-HEAD}^{commit}")
ready_timeout=${NEWCOMER_READY_TIMEOUT:-900}

java17=${NEWCOMER_JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
if [ ! -x "$java17/bin/java" ]; then
    java17=$(readlink -f "$(command -v java)")
    java17=${java17%/bin/java}
fi
if ! "$java17/bin/java" -version 2>&1 | grep -q 'version "17'; then
    echo "newcomer-check: no Java 17 to put first on the PATH (set NEWCOMER_JAVA17)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/liminal-newcomer.XXXXXX")
clone="$work/clone"
server_pid=''
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM -- "-$server_pid" 2>/dev/null || true
    fi
    if [ "${NEWCOMER_KEEP:-}" = 1 ]; then
        echo "newcomer-check: kept $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

step() { printf '\n== newcomer-check: %s\n' "$*"; }
fail() {
    printf 'newcomer-check: FAILED: %s\n' "$*" >&2
    exit 1
}
at_least_21() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 21 ]; }
# as_newcomer CMD...: runs CMD in the clone with Java 17 first on the PATH and JAVA_HOME unset.
as_newcomer() { (cd "$clone" && env -u JAVA_HOME PATH="$java17/bin:$PATH" "$@"); }
# one_line_refusal LOG PATTERN: the command exited non-zero and said exactly one line, matching PATTERN.
one_line_refusal() {
    local status=$1 log=$2 pattern=$3
    [ "$status" -ne 0 ] || fail "exited 0; output: $(cat "$log")"
    [ "$(wc -l <"$log")" -eq 1 ] || fail "said $(wc -l <"$log") lines, not one: $(cat "$log")"
    grep -Eq "$pattern" "$log" || fail "said '$(cat "$log")', not /$pattern/"
    echo "ok: $(cat "$log")"
}

step "clean clone of $commit into $clone"
git clone -q "$root" "$clone"
git -C "$clone" checkout -q --detach "$commit"
echo "Java 17 first on the PATH: $java17; JAVA_HOME unset"

step "1. no JDK 21+ anywhere: ./play and ./test say so in one line"
for command in ./play ./test; do
    status=0
    as_newcomer env LIMINAL_JDK_CANDIDATES='' "$command" >"$work/nojdk.log" 2>&1 || status=$?
    one_line_refusal "$status" "$work/nojdk.log" '^No JDK 21 or newer found .*Java 17'
done

step "2. no Chromium, no Node.js: ./test says what to install in one line"
# Every command the machine has, except the browser and Node.js.
bare="$work/bin-without-browser-or-node"
mkdir "$bare"
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
    for tool in "$dir"/*; do
        name=${tool##*/}
        case "$name" in chromium | chromium-browser | node | nodejs | npm | npx) continue ;; esac
        if [ -x "$tool" ] && [ ! -e "$bare/$name" ]; then
            ln -s "$tool" "$bare/$name"
        fi
    done
done
status=0
(cd "$clone" && env -u JAVA_HOME PATH="$java17/bin:$bare" ./test >"$work/tools.log" 2>&1) || status=$?
one_line_refusal "$status" "$work/tools.log" 'missing: chromium nodejs npm'

step "3. Maven straight on Java 17 stops at the enforcer, with its reason"
status=0
as_newcomer ./mvnw -B -q validate >"$work/enforcer.log" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "./mvnw validate passed on Java 17"
grep -q 'builds with a JDK 21 or newer, and this Maven runs on Java 17' "$work/enforcer.log" ||
    fail "no enforcer reason: $(cat "$work/enforcer.log")"
echo "ok: $(grep 'builds with a JDK 21' "$work/enforcer.log")"

step "4. ./play builds and serves (bounded: ${ready_timeout} s)"
free_port() {
    local candidate
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    fail "no free port found"
}
port=$(free_port)
ports=(SERVER_HOST=127.0.0.1 SERVER_PORT="$port")
# A second socket (management) in the default configuration gets a free port too, so that servers run side by side.
if grep -q '^server\.sockets\.0\.port=' "$clone/src/main/resources/META-INF/microprofile-config.properties"; then
    ports+=(SERVER_SOCKETS_0_PORT="$(free_port)")
fi
# Its own process group (setsid), so that stopping it stops Maven or the server, whichever is running.
(cd "$clone" && exec env -u JAVA_HOME PATH="$java17/bin:$PATH" "${ports[@]}" setsid ./play >"$work/play.log" 2>&1) &
server_pid=$!
deadline=$((SECONDS + ready_timeout))
until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || fail "./play exited before the server was ready; log:
$(tail -n 40 "$work/play.log")"
    [ "$SECONDS" -lt "$deadline" ] || fail "not ready within ${ready_timeout} s; log:
$(tail -n 40 "$work/play.log")"
    sleep 1
done
echo "ok: http://127.0.0.1:$port/health/ready answers 200 after ${SECONDS} s of this check"
built_with=$(sed -nE 's/^Building with Java ([0-9]+) .*/\1/p' "$work/play.log" | head -n 1)
at_least_21 "$built_with" || fail "./play built with Java '${built_with}', not 21+"
echo "ok: ./play built and ran with Java $built_with"
kill -TERM -- "-$server_pid"
stopped_by=$((SECONDS + 30))
while kill -0 "$server_pid" 2>/dev/null && [ "$SECONDS" -lt "$stopped_by" ]; do sleep 0.2; done
if kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    fail "the server did not stop within 30 s of SIGTERM"
fi
server_pid=''
echo "ok: stopped"

step "5. ./test starts Maven on a JDK 21+ (one unit test, no integration tests)"
status=0
as_newcomer ./test -Dtest=DurationConverterTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dexec.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true \
    >"$work/test.log" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "./test exited $status; log:
$(tail -n 40 "$work/test.log")"
grep -m 1 '^Testing with Java' "$work/test.log"
report="$clone/target/surefire-reports/TEST-com.liminaltransit.config.DurationConverterTest.xml"
tested_on=$(sed -nE 's/.*name="java.version" value="([0-9]+).*/\1/p' "$report" | head -n 1)
at_least_21 "$tested_on" || fail "the unit test ran on Java '${tested_on}', not 21+"
grep -E 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0' "$work/test.log" | tail -n 1
echo "ok: the tests ran on Java $tested_on"

step "all good: the README's ./play and ./test work with Java 17 first on the PATH and JAVA_HOME unset"
