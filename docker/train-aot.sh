#!/bin/sh
# AOT cache training run (JDK 25, JEP 483/514): start the application with the command given as
# arguments (which must contain -XX:AOTCacheOutput=FILE), wait until it is live, exercise the
# pages a player hits, then stop it; the JVM writes the cache at exit.
# Needs no network: the embedded H2 database and the offline storyteller are the defaults.
# Used by docker/Dockerfile and by docker/verify-dockerfile.sh.
set -eu

probe() {
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx16m -XX:-UsePerfData \
        -cp "${HEALTHCHECK_CP:-/opt/healthcheck}" HealthCheck "$1"
}

# run where the embedded database can write ./data, and leave nothing behind
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && exec "$@") &
app=$!

tries=0
until probe /health/live 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 120 ] || ! kill -0 "$app" 2>/dev/null; then
        echo "train-aot: application did not become live" >&2
        kill "$app" 2>/dev/null || true
        exit 1
    fi
    sleep 0.5
done

# the requests a player's first minute makes (answers other than 2xx are fine for training; /metrics is on the
# management socket, not the public port)
for path in / /health/ready /static/ /webjars/htmx.org/2.0.8/dist/htmx.min.js / ; do
    probe "$path" >/dev/null 2>&1 || true
done

kill -TERM "$app"
wait "$app" || true
