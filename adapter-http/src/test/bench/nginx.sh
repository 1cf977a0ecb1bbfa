#!/usr/bin/env bash
# nginx in front (issue 13): what the gateway check costs. One nginx serves, side by side,
#   direct   127.0.0.1:$DIRECT  proxies straight to the upstream;
#   gateway  127.0.0.1:$GATEWAY is docs/gateway/nginx.conf as documented (auth_request to AppKeys first, the
#            answer's headers forwarded, metadata asked for), with its addresses filled in, access logs off and
#            the resource set to ViewApiKeys, which the benchmark key holds;
#   floor    127.0.0.1:$FLOOR   is the gateway's server block again, asking a check that costs nothing instead of
#            AppKeys: a server block of the same nginx that answers every check `200` with the principal's headers.
#            What it loses against direct is what auth_request itself costs, whoever answers the check;
# and the upstream itself, another server block of the same nginx answering `return 200 "ok"`. AppKeys is the
# packaged server jar on a fresh embedded store (BenchmarkSetup), production Argon2, access log off.
# wrk -t2 -c32 sends the same valid key pair to each, after a warm-up of each, taking turns ROUNDS times
# (default 5); prints each round's figures and the medians, with the medians of the ratios gateway/direct and
# floor/direct.
# Needs nginx (with the auth_request module: Debian's has it) and wrk. Builds what it measures first.
# Usage (from the repository root): adapter-http/src/test/bench/nginx.sh [duration, default 10s]
set -euo pipefail

DURATION=${1:-10s}
ROUNDS=${ROUNDS:-5}
PORT=${PORT:-18180}
GATEWAY=${GATEWAY:-18181}
DIRECT=${DIRECT:-18182}
UPSTREAM=${UPSTREAM:-18183}
FLOOR=${FLOOR:-18184}
CHECKER=${CHECKER:-18185}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
WORK=$(mktemp -d /tmp/appkeys-nginx.XXXXXX)
[ -x "$NGINX" ] || { echo "nginx is needed: apt-get install nginx" >&2; exit 1; }

cd "$ROOT"
./mvnw -o -q package dependency:build-classpath -pl adapter-http -am -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
JAR=$(ls "$MODULE"/target/appkeys-adapter-http-*-all.jar | head -1)
APPKEYS_HOME=$WORK/home java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.BenchmarkSetup "$WORK" >/dev/null

# The documented config, with the bench's addresses and a server block for each of the other two roles.
mkdir -p "$WORK/nginx"
sed -e "s|listen 8000;|listen 127.0.0.1:$GATEWAY;|" \
    -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$PORT;|" \
    -e "s|server 127.0.0.1:9000;|server 127.0.0.1:$UPSTREAM;|" \
    -e "s|access_log /var/log/nginx/appkeys-gateway.access.log;|access_log off;|" \
    -e "s|auth_request /_appkeys/orders.read;|auth_request /_appkeys/ViewApiKeys;|" \
    -e "s|^http {\$|http {\n    client_body_temp_path $WORK/nginx/body;\n    proxy_temp_path $WORK/nginx/proxy;|" \
    "$ROOT/docs/gateway/nginx.conf" | sed '$d' >"$WORK/nginx.conf" # without the http block's closing brace
[ "$(tail -n 1 "$ROOT/docs/gateway/nginx.conf")" = "}" ] || { echo "docs/gateway/nginx.conf should end its http block" >&2; exit 1; }
for expected in "listen 127.0.0.1:$GATEWAY;" "server 127.0.0.1:$PORT;" "server 127.0.0.1:$UPSTREAM;" \
  "access_log off;" "/_appkeys/ViewApiKeys;" "proxy_temp_path"; do
  grep -qF "$expected" "$WORK/nginx.conf" || { echo "docs/gateway/nginx.conf changed: no $expected" >&2; exit 1; }
done
# floor: the documented server block, asking the free check instead of AppKeys
awk '/^    server \{$/ {on = 1} on {print} on && /^    \}$/ {exit}' "$WORK/nginx.conf" \
  | sed -e "s|listen 127.0.0.1:$GATEWAY;|listen 127.0.0.1:$FLOOR;|" -e "s|proxy_pass http://appkeys/|proxy_pass http://free_check/|" \
  >"$WORK/floor.conf"
grep -qF "http://free_check/" "$WORK/floor.conf" || { echo "docs/gateway/nginx.conf changed: no check to replace" >&2; exit 1; }
cat "$WORK/floor.conf" >>"$WORK/nginx.conf"
cat >>"$WORK/nginx.conf" <<EOF

    # the free check: 200 with the principal's headers, as AppKeys answers an allowed HEAD check
    upstream free_check {
        server 127.0.0.1:$CHECKER;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$CHECKER;
        location / {
            add_header X-AppKeys-Account bench;
            add_header X-AppKeys-Principal vtexappkey-bench-FLOOR0;
            return 200;
        }
    }

    # direct: the same upstream, without the check
    server {
        listen 127.0.0.1:$DIRECT;
        location /orders/ {
            proxy_pass http://orders;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }

    # the upstream
    server {
        listen 127.0.0.1:$UPSTREAM;
        location / {
            return 200 "ok";
        }
    }
}
EOF
GLOBALS="daemon off; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;"
[ "$(id -u)" != 0 ] || GLOBALS="$GLOBALS user root;"
"$NGINX" -q -t -p "$WORK/nginx" -c "$WORK/nginx.conf" -g "$GLOBALS"

APPKEYS_HOME=$WORK/home MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT=$PORT APPKEYS_ACCESS_LOG_LEVEL=OFF \
  APPKEYS_TRUSTED_PROXIES=127.0.0.1 java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx.conf" -g "$GLOBALS" >"$WORK/nginx.out" 2>&1 &
PROXY=$!
trap 'kill $PROXY $SERVER 2>/dev/null || true; wait $PROXY $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$UPSTREAM/" >/dev/null 2>&1 && break
  sleep 0.5
done

read -r APPKEY APPTOKEN <"$WORK/valid.txt"
PAIR=(-H "X-VTEX-API-AppKey: $APPKEY" -H "X-VTEX-API-AppToken: $APPTOKEN")
[ "$(curl -s "${PAIR[@]}" "http://127.0.0.1:$GATEWAY/orders/1")" = ok ] || { echo "the gateway refused the key" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-VTEX-API-AppKey: $APPKEY" "http://127.0.0.1:$GATEWAY/orders/1")" = 401 ] \
  || { echo "the gateway let a request without a token through" >&2; exit 1; }

[ "$(curl -s "${PAIR[@]}" "http://127.0.0.1:$FLOOR/orders/1")" = ok ] || { echo "the floor refused the request" >&2; exit 1; }
for port in $DIRECT $GATEWAY $FLOOR; do # warm-up
  wrk -t2 -c32 -d10s "${PAIR[@]}" "http://127.0.0.1:$port/orders/1" >/dev/null
done
TICK=$(getconf CLK_TCK)
WORKERS=$(pgrep -P "$PROXY" | paste -sd' ')
ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $total; }
measure() { # name, round, port; prints req/s, then nginx's and AppKeys' CPU time per request in µs
  local nginx0 nginx1 server0 server1 refused requests
  # shellcheck disable=SC2086
  nginx0=$(ticks $PROXY $WORKERS); server0=$(ticks $SERVER)
  wrk -t2 -c32 -d"$DURATION" --latency "${PAIR[@]}" "http://127.0.0.1:$3/orders/1" >"$WORK/$1-$2.txt"
  # shellcheck disable=SC2086
  nginx1=$(ticks $PROXY $WORKERS); server1=$(ticks $SERVER)
  refused=$(awk '/Non-2xx/ {print $NF}' "$WORK/$1-$2.txt")
  [ -z "$refused" ] || { echo "$1: $refused refused requests" >&2; exit 1; }
  requests=$(awk '/requests in/ {print $1}' "$WORK/$1-$2.txt")
  awk -v n="$requests" -v t="$TICK" -v ng=$((nginx1 - nginx0)) -v s=$((server1 - server0)) \
    '/^Requests\/sec/ {printf "%s %.1f %.1f\n", $2, ng * 1e6 / t / n, s * 1e6 / t / n}' "$WORK/$1-$2.txt"
}
p99() { awk '$1 == "99%" {print $2}' "$WORK/$1-$2.txt"; }
for round in $(seq 1 "$ROUNDS"); do
  measure direct "$round" "$DIRECT" >"$WORK/measured"
  read -r direct direct_nginx _ <"$WORK/measured"
  measure gateway "$round" "$GATEWAY" >"$WORK/measured"
  read -r gateway gateway_nginx gateway_appkeys <"$WORK/measured"
  measure floor "$round" "$FLOOR" >"$WORK/measured"
  read -r floor floor_nginx _ <"$WORK/measured"
  echo "$round direct=$direct gateway=$gateway floor=$floor p99=$(p99 direct "$round")/$(p99 gateway "$round")/$(p99 floor "$round")" \
    "cpu_us_per_request nginx=$direct_nginx/$gateway_nginx/$floor_nginx appkeys=$gateway_appkeys" | tee -a "$WORK/results.txt"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
RATIO=$(awk '{split($2,d,"="); split($3,g,"="); printf "%.3f\n", g[2]/d[2]}' "$WORK/results.txt" | median)
FLOOR_RATIO=$(awk '{split($2,d,"="); split($4,f,"="); printf "%.3f\n", f[2]/d[2]}' "$WORK/results.txt" | median)
echo
echo "medians of $ROUNDS rounds (work in $WORK):"
for field in direct gateway floor; do
  echo "  $field req/s: $(sed "s/.* $field=\([0-9.]*\).*/\1/" "$WORK/results.txt" | median)"
done
awk -v r="$RATIO" 'BEGIN { printf "  gateway/direct: %.3f, a loss of %.1f%% (Kong: about 24%% for key-auth and rate limiting)\n", r, (1 - r) * 100 }'
awk -v r="$FLOOR_RATIO" 'BEGIN { printf "  floor/direct: %.3f, a loss of %.1f%% (auth_request with a check that costs nothing)\n", r, (1 - r) * 100 }'
# A check whose connection nginx did not keep leaves a socket in TIME-WAIT: nginx keeps one only when the check's
# answer has no body (auth_request does not read it).
echo "  TIME-WAIT sockets with AppKeys' port: nginx's end $(ss -Htan state time-wait "( dport = :$PORT )" | wc -l)," \
  "AppKeys' end $(ss -Htan state time-wait "( sport = :$PORT )" | wc -l)"
echo "  load during the run: $(cat /proc/loadavg)"
