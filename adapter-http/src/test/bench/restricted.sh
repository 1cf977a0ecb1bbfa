#!/usr/bin/env bash
# A restricted key against a plain one (lifecycle issue): wrk -t2 -c64 on 127.0.0.1 over a fresh embedded H2
# store, GET /api/authz/check with the plain valid key pair, then with a key of the same role restricted to
# 127.0.0.0/8 and 2001:db8::/32 and carrying 200 bytes of metadata, asking for that metadata
# (&metadata=true), taking turns ROUNDS times (default 5) on one server after a warm-up of each. Prints each
# round's figures and the median of the ratio restricted/plain.
# Usage (from the repository root): adapter-http/src/test/bench/restricted.sh [duration, default 15s]
set -euo pipefail

DURATION=${1:-15s}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-restricted.XXXXXX)
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
read -r RKEY RTOKEN <"$WORK/restricted.txt"
CHECK="$URL/api/authz/check?resource=ViewApiKeys"
PLAIN=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN" "$CHECK")
RESTRICTED=(-H "X-VTEX-API-AppKey: $RKEY" -H "X-VTEX-API-AppToken: $RTOKEN" "$CHECK&metadata=true")
curl -fs "${RESTRICTED[@]}" | grep -q '"metadata":{' || { echo "the restricted key's check has no metadata" >&2; exit 1; }

for args in PLAIN RESTRICTED; do # warm-up
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
  plain=$(rps plain "$round" "${PLAIN[@]}")
  restricted=$(rps restricted "$round" "${RESTRICTED[@]}")
  echo "$round plain=$plain restricted=$restricted" | tee -a "$WORK/results.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "medians of $ROUNDS rounds (work in $WORK):"
for field in plain restricted; do
  echo "  $field req/s: $(sed "s/.*$field=\([0-9.]*\).*/\1/" "$WORK/results.txt" | median)"
done
echo "  restricted/plain: $(awk '{split($2,p,"="); split($3,r,"="); printf "%.3f\n", r[2]/p[2]}' "$WORK/results.txt" | median)"
