#!/usr/bin/env bash
# Metrics on against metrics off (operations issue): two servers from one packaged jar, each on its own copy of
# one fresh embedded H2 store, one with APPKEYS_METRICS=false; wrk -t2 -c64 on 127.0.0.1 drives
# GET /api/authz/check with a valid key pair at each in turn, ROUNDS times (default 5; the two take turns going
# first) after two warm-up runs of each. Only one server is loaded at a time. Prints each round's figures and the median of the ratio on/off.
# Usage (from the repository root): adapter-http/src/test/bench/metrics.sh [duration, default 15s]
set -euo pipefail

DURATION=${1:-15s}
ROUNDS=${ROUNDS:-5}
PORT_ON=${PORT_ON:-18081}
PORT_OFF=${PORT_OFF:-18082}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-metrics.XXXXXX)

cd "$ROOT"
./mvnw -o -q -pl adapter-http -am package -DskipTests
JAR=$(ls "$MODULE"/target/appkeys-adapter-http-*-all.jar | head -1)
./mvnw -o -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
APPKEYS_HOME=$WORK/on java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK" >/dev/null
cp -a "$WORK/on" "$WORK/off"

start() { # home, port, metrics
  APPKEYS_HOME=$WORK/$1 MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$2 APPKEYS_METRICS=$3 \
    APPKEYS_ACCESS_LOG=off java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  echo $!
}
ON=$(start on "$PORT_ON" true)
OFF=$(start off "$PORT_OFF" false)
trap 'kill $ON $OFF 2>/dev/null || true' EXIT
for port in "$PORT_ON" "$PORT_OFF"; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
curl -fs "http://127.0.0.1:$PORT_ON/metrics" | grep -q '^appkeys_authentications_total' \
  || { echo "metrics are not on at $PORT_ON" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_OFF/metrics")" = 404 ] \
  || { echo "metrics are not off at $PORT_OFF" >&2; exit 1; }

read -r APPKEY APPTOKEN <"$WORK/valid.txt"
rps() { # name, round, port
  wrk -t2 -c64 -d"$DURATION" -H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN" \
    "http://127.0.0.1:$3/api/authz/check?resource=ViewApiKeys" >"$WORK/$1-$2.txt"
  local refused
  refused=$(awk '/Non-2xx/ {print $NF}' "$WORK/$1-$2.txt")
  [ -z "$refused" ] || { echo "$1: $refused refused requests" >&2; exit 1; }
  awk '/^Requests\/sec/ {print $2}' "$WORK/$1-$2.txt"
}
# Warm-up: two runs of each, so that the JIT has compiled both servers' paths (the first measured round used to
# come out low for the server with metrics, which has more code to compile).
for warm in w1 w2; do
  rps on "$warm" "$PORT_ON" >/dev/null
  rps off "$warm" "$PORT_OFF" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  # the two take turns going first, so neither gains from the order
  if [ $((round % 2)) = 1 ]; then
    on=$(rps on "$round" "$PORT_ON")
    off=$(rps off "$round" "$PORT_OFF")
  else
    off=$(rps off "$round" "$PORT_OFF")
    on=$(rps on "$round" "$PORT_ON")
  fi
  echo "$round on=$on off=$off" | tee -a "$WORK/results.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "medians of $ROUNDS rounds (work in $WORK):"
for field in on off; do
  echo "  metrics $field req/s: $(sed "s/.*$field=\([0-9.]*\).*/\1/" "$WORK/results.txt" | median)"
done
echo "  on/off: $(awk '{split($2,a,"="); split($3,b,"="); printf "%.3f\n", a[2]/b[2]}' "$WORK/results.txt" | median)"
