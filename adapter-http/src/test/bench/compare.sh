#!/usr/bin/env bash
# Side-by-side comparison of two builds of the server (for a refactoring: before and after), on one store:
# wrk -t2 -c64 on 127.0.0.1, GET /api/authz/check with valid credentials (cache warm) and GET /health.
# The builds take turns, ROUNDS times (default 3), each start warmed up first; medians are printed at the end
# with the authz/health ratio of each build, the figure the HTTP targets are stated in.
# Usage (from the repository root, after ./mvnw -pl adapter-http -am package -DskipTests and test-compile):
#   adapter-http/src/test/bench/compare.sh <before-all.jar> <after-all.jar> [duration, default 15s]
set -euo pipefail

BEFORE=$1
AFTER=$2
DURATION=${3:-15s}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-compare.XXXXXX)
export BENCH_DIR=$WORK
URL=http://127.0.0.1:$PORT

cd "$ROOT"
./mvnw -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
APPKEYS_HOME=$WORK/home java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK" >/dev/null
read -r APPKEY APPTOKEN <"$WORK/valid.txt"
VALID=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN")
CHECK="$URL/api/authz/check?resource=ViewApiKeys"

SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null || true' EXIT
measure() { # label, jar
  APPKEYS_HOME=$WORK/home MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT \
    java -jar "$2" >"$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 60); do
    curl -fs "$URL/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  wrk -t2 -c64 -d10s "${VALID[@]}" "$CHECK" >/dev/null
  wrk -t2 -c64 -d10s "$URL/health" >/dev/null
  for what in authz health; do
    if [ "$what" = authz ]; then args=("${VALID[@]}" "$CHECK"); else args=("$URL/health"); fi
    wrk -t2 -c64 -d"$DURATION" --latency "${args[@]}" >"$WORK/$1-$what-$round.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/$1-$what-$round.txt")
    refused=$(awk '/Non-2xx/ {print $NF}' "$WORK/$1-$what-$round.txt")
    echo "$1 $what $round rps=$rps non2xx=${refused:-0}" | tee -a "$WORK/results.txt"
  done
  kill $SERVER && wait $SERVER 2>/dev/null || true
  SERVER=
}
for round in $(seq 1 "$ROUNDS"); do
  measure before "$BEFORE"
  measure after "$AFTER"
done

median() { grep "^$1 $2 " "$WORK/results.txt" | sed 's/.*rps=\([0-9.]*\).*/\1/' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "medians of $ROUNDS rounds, requests/s:"
for build in before after; do
  a=$(median $build authz); h=$(median $build health)
  awk -v b=$build -v a="$a" -v h="$h" 'BEGIN { printf "  %-6s authz/check %s, health %s, authz/health %.2f\n", b, a, h, a / h }'
done
