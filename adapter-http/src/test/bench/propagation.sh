#!/usr/bin/env bash
# How long a key change takes to hold in another process (issue: "every process enforces a key change within
# a second"): PropagationBenchmark, on the packaged jars, over CHANGES deactivations (default 100) each
# followed by an activation.
#   h2: the CLI changes the key on the embedded store while the server answers for it (the quick start);
#   pg: two servers on one PostgreSQL schema, the change made through one and answered by the other.
# Usage (from the repository root, after ./mvnw package -DskipTests and ./mvnw -pl adapter-http test-compile):
#   adapter-http/src/test/bench/propagation.sh h2
#   adapter-http/src/test/bench/propagation.sh pg [jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
set -euo pipefail

MODE=${1:?h2 or pg}
HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/../../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
VERSION=0.1.0-SNAPSHOT
SERVER_JAR=$ROOT/adapter-http/target/appkeys-adapter-http-$VERSION-all.jar
CLI_JAR=$ROOT/adapter-cli/target/appkeys-adapter-cli-$VERSION-all.jar
WORK=$(mktemp -d /tmp/appkeys-propagation.XXXXXX)

cd "$ROOT"
./mvnw -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
case "$MODE" in
  h2) TARGET=$CLI_JAR ;;
  pg) TARGET=${2:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres} ;;
  *) echo "h2 or pg" >&2; exit 2 ;;
esac
java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")" \
  io.appkeys.adapter.http.PropagationBenchmark "$MODE" "$SERVER_JAR" "$TARGET" "$WORK" "${CHANGES:-100}"
echo "every figure and the servers' logs: $WORK"
