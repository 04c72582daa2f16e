# shellcheck shell=bash
# Finds a JDK 21 or newer for ./play, ./test and .ci/run (sourced, not run). Our machines come with Java 17 as
# `java` on the PATH and a JDK 25 beside it, often with JAVA_HOME unset.
#
# Looks, in this order, at: JAVA_HOME if it is a JDK 21+; the known locations (the newest JDK 21+ among
# /usr/lib/jvm/*, or what macOS's /usr/libexec/java_home names); `java` on the PATH if it is a JDK 21+.
# LIMINAL_JDK_CANDIDATES (JDK directories, space-separated) replaces the known locations, e.g. to see the message
# below on a machine that has a JDK 21.
#
# On success: JAVA_HOME is exported, its bin/ is first on the PATH, and LIMINAL_JDK_MAJOR holds its version.
# Otherwise: one line on stderr says what was seen and what to do, and liminal_find_jdk returns 1.

# The major version of a java binary (17, 21, 25; 8 for 1.8), or a failure if it does not run.
liminal_java_major() {
    local version major
    version=$("$1" -version 2>&1 | sed -nE 's/.* version "([^"]+)".*/\1/p' | head -n 1)
    major=${version%%[.+-]*}
    if [ "$major" = 1 ]; then
        version=${version#1.}
        major=${version%%.*}
    fi
    case "$major" in
        '' | *[!0-9]*) return 1 ;;
        *) printf '%s\n' "$major" ;;
    esac
}

liminal_find_jdk() {
    local wanted=21 best='' best_major=0 seen='' looked=' ' dir real major java candidates

    # _consider DIR LABEL: keeps DIR if it is a JDK newer than the best so far; notes it in $seen otherwise.
    _consider() {
        real=$(readlink -f "$1" 2>/dev/null || printf '%s' "$1")
        case "$looked" in *" $real "*) return 0 ;; esac
        looked+="$real "
        if ! major=$(liminal_java_major "$real/bin/java"); then
            seen+=" $2 (no java),"
        elif [ "$major" -lt "$wanted" ]; then
            seen+=" $2 (Java $major),"
        elif [ ! -x "$real/bin/javac" ]; then
            seen+=" $2 (Java $major without javac),"
        elif [ "$major" -gt "$best_major" ]; then
            best=$1 best_major=$major
        fi
    }

    if [ -n "${JAVA_HOME:-}" ]; then
        _consider "$JAVA_HOME" "JAVA_HOME=$JAVA_HOME"
    fi
    if [ -z "$best" ]; then
        if [ -n "${LIMINAL_JDK_CANDIDATES+set}" ]; then
            candidates=$LIMINAL_JDK_CANDIDATES
        else
            candidates=$(printf '%s ' /usr/lib/jvm/*)
            if [ -x /usr/libexec/java_home ]; then
                candidates+=" $(/usr/libexec/java_home -v "$wanted+" 2>/dev/null || true)"
            fi
        fi
        for dir in $candidates; do
            if [ -e "$dir/bin/java" ]; then
                _consider "$dir" "$dir"
            fi
        done
    fi
    if [ -z "$best" ] && java=$(command -v java 2>/dev/null); then
        java=$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")
        _consider "${java%/bin/java}" "java on the PATH"
    fi
    unset -f _consider
    if [ -z "$best" ]; then
        seen=${seen%,}
        echo "No JDK $wanted or newer found (seen:${seen:- nothing}); install one (e.g. Temurin 21, https://adoptium.net) and set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    export LIMINAL_JDK_MAJOR=$best_major
}
