#!/usr/bin/env bash
# Load benchmark of the HTTP adapter (issue 4): wrk -t2 -c64 on 127.0.0.1 over a fresh embedded H2 store.
#   1. GET /api/authz/check with valid credentials (cache warm) side by side with GET /health;
#   2. the same valid requests while a second wrk floods well-formed wrong tokens, for the same appKey and
#      for other appKeys (half of them existing keys, half unknown).
# Each measurement runs RUNS times (default 3); medians are printed at the end. Valid requests carry their
# headers with wrk -H (no Lua on that side, so both sides of the comparison cost wrk the same); the flood
# uses flood.lua to rotate its pairs.
# Usage (from the repository root): adapter-http/src/test/bench/run.sh [duration, default 20s]
set -euo pipefail

DURATION=${1:-20s}
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-bench.XXXXXX)
export BENCH_DIR=$WORK
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

echo "store and credentials in $WORK"
APPKEYS_HOME=$WORK/home java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK"

APPKEYS_HOME=$WORK/home MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT \
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "$URL/health" >/dev/null 2>&1 && break
  sleep 0.5
done

CHECK="$URL/api/authz/check?resource=ViewApiKeys"
read -r APPKEY APPTOKEN <"$WORK/valid.txt"
VALID=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN")
bench() { # name, then wrk arguments; wrk prints "Non-2xx or 3xx responses" when there are any
  local name=$1; shift
  wrk -t2 -c64 -d"$DURATION" --latency "$@" >"$WORK/$name.txt"
  local rps p99 refused
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  refused=$(awk '/Non-2xx/ {print $NF}' "$WORK/$name.txt")
  echo "$name rps=$rps p99=$p99 non2xx=${refused:-0}" | tee -a "$WORK/results.txt"
}
flood() { # file of wrong pairs; runs in the background for a little longer than the measurement
  FLOOD_FILE=$1 wrk -t2 -c64 -d"$(( ${DURATION%s} + 4 ))s" -s "$HERE/flood.lua" "$URL/api/vlm/appkeys" \
    >"$WORK/flood-$(basename "$1" .txt)-$2.txt" &
  FLOOD=$!
  sleep 2
}

echo "warming up (JIT)"
wrk -t2 -c64 -d15s "${VALID[@]}" "$CHECK" >/dev/null
wrk -t2 -c64 -d15s "$URL/health" >/dev/null

for run in $(seq 1 "$RUNS"); do
  bench "authz-$run" "${VALID[@]}" "$CHECK"
  bench "health-$run" "$URL/health"
done
for run in $(seq 1 "$RUNS"); do
  flood "$WORK/wrong-same.txt" "$run"
  bench "flood-same-$run" "${VALID[@]}" "$CHECK"
  wait $FLOOD
  flood "$WORK/wrong-other.txt" "$run"
  bench "flood-other-$run" "${VALID[@]}" "$CHECK"
  wait $FLOOD
done

median() { grep "^$1-[0-9]* " "$WORK/results.txt" | sed 's/.*rps=\([0-9.]*\).*/\1/' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p99s() { grep "^$1-[0-9]* " "$WORK/results.txt" | sed 's/.*p99=\([^ ]*\).*/\1/' | paste -sd' '; }
AUTHZ=$(median authz); HEALTH=$(median health); SAME=$(median flood-same); OTHER=$(median flood-other)
echo
echo "medians of $RUNS runs, requests/s (p99 of each run):"
echo "  authz/check valid, warm:        $AUTHZ ($(p99s authz))"
echo "  health:                         $HEALTH ($(p99s health))"
echo "  authz/check, flood same appKey: $SAME ($(p99s flood-same))"
echo "  authz/check, flood other keys:  $OTHER ($(p99s flood-other))"
awk -v a="$AUTHZ" -v h="$HEALTH" -v s="$SAME" -v o="$OTHER" 'BEGIN {
  printf "  authz / health = %.2f (target >= 0.85)\n", a / h
  printf "  flood same / undisturbed = %.2f, flood other / undisturbed = %.2f (target >= 0.50)\n", s / a, o / a }'
for kind in authz flood-same flood-other; do
  echo "  valid requests refused, $kind: $(grep "^$kind-[0-9]* " "$WORK/results.txt" | sed 's/.*non2xx=//' | paste -sd' ') (target 0)"
done
echo "  server load during the run: $(cat /proc/loadavg)"
grep -h "flood status" "$WORK"/flood-wrong-*.txt | awk '{c[$3]+=$4} END {for (s in c) printf "  flood answers %s %d\n", s, c[s]}'
