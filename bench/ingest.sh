#!/usr/bin/env bash
# Ingest benchmark (not part of CI): throughput and latency of POST /webhooks/distribution on loopback against an
# embedded broker, compared with a bare Kafka producer using the same settings, then a broker-restart fault test.
# Usage: bench/ingest.sh [seconds per run, default 15] [connections, default 16] [no-fault-test]
# Needs: a JDK >= 21 (found by bin/find-jdk), wrk (Debian package `wrk`), redis-server on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
SECONDS_PER_RUN=${1:-15}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "bench/ingest.sh: wrk not found (apt-get install wrk)" >&2; exit 2; }
./mvnw -B -q -o -pl ingest-service -am test-compile
./mvnw -B -q -o -pl ingest-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="ingest-service/target/test-classes:ingest-service/target/classes:common/target/classes:test-kit/target/classes:$(cat ingest-service/target/bench-classpath.txt)"
echo "load average before the run: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
exec java ${BENCH_JAVA_OPTS:-} -Xms512m -Xmx1g -cp "$CP" dev.layerwatch.ingest.bench.IngestBenchmark \
  ingest-service/src/test/resources/webhook/distribution/manifest-push-oci.json bench/post-distribution.lua \
  "$SECONDS_PER_RUN" "$CONNECTIONS" ${3:-}
