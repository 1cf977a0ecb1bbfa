#!/usr/bin/env bash
# Load benchmark of the hardening (issue 8), wrk on 127.0.0.1 over a fresh embedded H2 store, production Argon2:
#   1. how long refusals take: wrk -t1 -c4 with wrong tokens for existing keys, then with unknown appKeys;
#   2. valid throughput (GET /api/authz/check, cache warm) alone, and while wrk -t2 -c64 floods unknown appKeys.
# Both against a server with its defaults (refusals held to the refusal time, 250 ms), and against one with
# APPKEYS_REFUSAL_TIME=1ms, which answers refusals as soon as they are known, as the server did before.
# Each measurement runs RUNS times (default 3), alternating; medians are printed at the end.
# Usage (from the repository root): adapter-http/src/test/bench/hardening.sh [duration, default 20s]
set -euo pipefail

DURATION=${1:-20s}
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-hardening.XXXXXX)
URL=http://127.0.0.1:$PORT

cd "$ROOT"
./mvnw -q -pl adapter-http -am install -DskipTests
./mvnw -q -pl adapter-http test-compile
JAR=$(ls "$MODULE"/target/appkeys-adapter-http-*-all.jar | head -1)
./mvnw -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null

echo "store and credentials in $WORK"
APPKEYS_HOME=$WORK/home java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK"
CHECK="$URL/api/authz/check?resource=ViewApiKeys"
read -r APPKEY APPTOKEN <"$WORK/valid.txt"
VALID=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN")

SERVER=
stop_server() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=; fi; }
trap stop_server EXIT
start_server() { # refusal time
  stop_server
  APPKEYS_HOME=$WORK/home MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT APPKEYS_REFUSAL_TIME=$1 \
    APPKEYS_ACCESS_LOG_LEVEL=OFF java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 60); do
    curl -fs "$URL/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  wrk -t2 -c64 -d10s "${VALID[@]}" "$CHECK" >/dev/null
  FLOOD_FILE=$WORK/unknown.txt wrk -t1 -c4 -d5s -s "$HERE/flood.lua" "$URL/api/vlm/appkeys" >/dev/null
  FLOOD_FILE=$WORK/wrong-existing.txt wrk -t1 -c4 -d5s -s "$HERE/flood.lua" "$URL/api/vlm/appkeys" >/dev/null
}
record() { # name, wrk output file
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$2")
  echo "$1 rps=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0}" | tee -a "$WORK/results.txt"
}
refusals() { # label, file of pairs
  FLOOD_FILE=$2 wrk -t1 -c4 -d"$DURATION" --latency -s "$HERE/flood.lua" "$URL/api/vlm/appkeys" >"$WORK/$1.txt"
  record "$1" "$WORK/$1.txt"
}
valid() { # label
  wrk -t2 -c64 -d"$DURATION" --latency "${VALID[@]}" "$CHECK" >"$WORK/$1.txt"
  record "$1" "$WORK/$1.txt"
}
flooded() { # label
  FLOOD_FILE=$WORK/unknown.txt wrk -t2 -c64 -d"$(( ${DURATION%s} + 4 ))s" -s "$HERE/flood.lua" \
    "$URL/api/vlm/appkeys" >"$WORK/$1-flood.txt" &
  local flood=$!
  sleep 2
  valid "$1"
  wait $flood
  echo "flood-${1#flooded-} $(awk '/^Requests\/sec/ {print "rps=" $2}' "$WORK/$1-flood.txt")" \
    | tee -a "$WORK/results.txt"
}

for hold in 250ms 1ms; do
  echo "server with APPKEYS_REFUSAL_TIME=$hold"
  start_server "$hold"
  for run in $(seq 1 "$RUNS"); do
    refusals "refuse-wrong-$hold-$run" "$WORK/wrong-existing.txt"
    refusals "refuse-unknown-$hold-$run" "$WORK/unknown.txt"
    valid "valid-$hold-$run"
    flooded "flooded-$hold-$run"
  done
done
stop_server

median() { # name prefix, field
  grep "^$1-[0-9]* " "$WORK/results.txt" | sed "s/.*$2=\([0-9.]*\)\([a-z]*\).*/\1 \2/" | sort -n \
    | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'
}
echo
echo "medians of $RUNS runs:"
for hold in 250ms 1ms; do
  echo "  refusal time $hold:"
  echo "    refusal p50, wrong token for an existing key: $(median "refuse-wrong-$hold" p50)"
  echo "    refusal p50, unknown appKey:                  $(median "refuse-unknown-$hold" p50)"
  V=$(median "valid-$hold" rps); F=$(median "flooded-$hold" rps)
  echo "    authz/check, valid, undisturbed:              $V req/s"
  echo "    authz/check, valid, during the unknown flood: $F req/s ($(median "flood-$hold" rps) flood req/s)"
  awk -v v="$V" -v f="$F" 'BEGIN { printf "    flooded / undisturbed = %.2f (target >= 0.80)\n", f / v }'
done
echo "  valid requests refused: $(grep -E '^(valid|flooded)-[^ ]*-[0-9]+ ' "$WORK/results.txt" | sed 's/.*non2xx=//' | paste -sd' ')"
echo "  results in $WORK/results.txt"
