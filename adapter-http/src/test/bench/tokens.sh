#!/usr/bin/env bash
# Signed tokens against key pairs (VTEX ID issue): wrk -t2 -c64 on 127.0.0.1 over a fresh embedded H2 store,
# GET /api/authz/check with the valid key pair, then with a signed token for the same key (the
# VtexIdclientAutCookie header), then GET /health, taking turns ROUNDS times (default 5) on one server after a
# warm-up of each. Prints each round's figures and the medians of the ratios token/pair and pair/health.
# Usage (from the repository root): adapter-http/src/test/bench/tokens.sh [duration, default 15s]
set -euo pipefail

DURATION=${1:-15s}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-tokens.XXXXXX)
URL=http://127.0.0.1:$PORT

cd "$ROOT"
JAR=$(ls "$MODULE"/target/appkeys-adapter-http-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ ! -f "$MODULE/target/test-classes/io/appkeys/adapter/http/BenchmarkSetup.class" ]; then
  ./mvnw -q -pl adapter-http package -DskipTests
  ./mvnw -q -pl adapter-http test-compile
  JAR=$(ls "$MODULE"/target/appkeys-adapter-http-*-all.jar | head -1)
fi
./mvnw -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
APPKEYS_HOME=$WORK/home java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK" >/dev/null

APPKEYS_HOME=$WORK/home MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT APPKEYS_ACCESS_LOG_LEVEL=OFF \
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "$URL/health" >/dev/null 2>&1 && break
  sleep 0.5
done

read -r APPKEY APPTOKEN <"$WORK/valid.txt"
SIGNED=$(curl -fs "$URL/api/vtexid/apptoken/login" -H 'Content-Type: application/json' \
  -d "{\"appkey\":\"$APPKEY\",\"apptoken\":\"$APPTOKEN\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
CHECK="$URL/api/authz/check?resource=ViewApiKeys"
PAIR=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN" "$CHECK")
TOKEN=(-H "VtexIdclientAutCookie: $SIGNED" "$CHECK")
HEALTH=("$URL/health")

for args in PAIR TOKEN HEALTH; do # warm-up
  declare -n warm=$args
  wrk -t2 -c64 -d10s "${warm[@]}" >/dev/null
done
rps() { # name, round, then wrk arguments
  local name=$1 round=$2; shift 2
  wrk -t2 -c64 -d"$DURATION" --latency "$@" >"$WORK/$name-$round.txt"
  local refused
  refused=$(awk '/Non-2xx/ {print $NF}' "$WORK/$name-$round.txt")
  [ -z "$refused" ] || { echo "$name: $refused refused requests" >&2; exit 1; }
  awk '/^Requests\/sec/ {print $2}' "$WORK/$name-$round.txt"
}
for round in $(seq 1 "$ROUNDS"); do
  pair=$(rps pair "$round" "${PAIR[@]}")
  token=$(rps token "$round" "${TOKEN[@]}")
  health=$(rps health "$round" "${HEALTH[@]}")
  echo "$round pair=$pair token=$token health=$health" | tee -a "$WORK/results.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "medians of $ROUNDS rounds (work in $WORK):"
for field in pair token health; do
  echo "  $field req/s: $(sed "s/.*$field=\([0-9.]*\).*/\1/" "$WORK/results.txt" | median)"
done
echo "  token/pair: $(awk '{split($2,p,"="); split($3,t,"="); printf "%.3f\n", t[2]/p[2]}' "$WORK/results.txt" | median)"
echo "  pair/health: $(awk '{split($2,p,"="); split($4,h,"="); printf "%.3f\n", p[2]/h[2]}' "$WORK/results.txt" | median)"
echo "  token/health: $(awk '{split($3,t,"="); split($4,h,"="); printf "%.3f\n", t[2]/h[2]}' "$WORK/results.txt" | median)"
