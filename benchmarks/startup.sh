#!/usr/bin/env bash
# Start-up times (operations issue), as users meet them, on an existing embedded store with 5 keys:
# - the server: `./appkeys serve` (the launcher, with its class-data-sharing archive) and, for comparison, a plain
#   `java -jar` of the same jar, from launch to the first 200 on /health, polled every 10 ms; RUNS times each
#   (default 7), taking turns, each stopped with SIGTERM before the next, after one untimed start of each (which
#   also writes the launcher's archive);
# - the CLI: `./appkeys --help` and `./appkeys key list`, with hyperfine (RUNS runs after 3 warm-ups).
# Prints each server run and the medians. Usage (from the repository root): benchmarks/startup.sh
set -euo pipefail

RUNS=${RUNS:-7}
PORT=${PORT:-18095}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-startup.XXXXXX)
export APPKEYS_HOME=$WORK/home
unset APPKEYS_DB_URL APPKEYS_DB_USER APPKEYS_DB_PASSWORD
cd "$ROOT"

./appkeys account create bench --master-email ops@bench.example.com >/dev/null
for i in 1 2 3 4 5; do ./appkeys key create --account bench --label "key $i" >/dev/null; done

JAR=$(ls adapter-http/target/appkeys-adapter-http-*-all.jar | head -1)
serve_once() { # launcher or jar; prints milliseconds from launch to the first 200
  local start end pid
  start=$(date +%s%N)
  if [ "$1" = launcher ]; then
    APPKEYS_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 ./appkeys serve >>"$WORK/server.log" 2>&1 &
  else
    APPKEYS_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 java -jar "$JAR" >>"$WORK/server.log" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 6000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then
      end=$(date +%s%N)
      kill -TERM "$pid"
      wait "$pid" || true
      echo $(((end - start) / 1000000))
      return
    fi
    sleep 0.01
  done
  kill -9 "$pid" 2>/dev/null || true
  echo "the server did not answer within 60 s; see $WORK/server.log" >&2
  exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
serve_once launcher >/dev/null # untimed: writes the archive
serve_once jar >/dev/null
for run in $(seq 1 "$RUNS"); do
  serve_once launcher | tee -a "$WORK/launcher.txt" | sed "s/^/run $run: .\/appkeys serve /;s/$/ ms/"
  serve_once jar | tee -a "$WORK/jar.txt" | sed "s/^/run $run: java -jar /;s/$/ ms/"
done

hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/cli.json" \
  "./appkeys --help" "./appkeys key list --account bench" >/dev/null
echo
echo "medians of $RUNS runs (work in $WORK):"
echo "  ./appkeys serve to first 200: $(median <"$WORK/launcher.txt") ms"
echo "  java -jar (server) to first 200: $(median <"$WORK/jar.txt") ms"
python3 - "$WORK/cli.json" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"  {result['command']}: {result['median'] * 1000:.0f} ms")
PY
