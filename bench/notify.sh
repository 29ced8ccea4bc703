#!/usr/bin/env bash
# Notify-service figures (not part of CI): ScanCompleted -> Slack POST latency (median of 20) and the
# outage test with Slack and Jira down for two minutes. Real Kafka (in-JVM KRaft) and redis-server.
# Usage: bench/notify.sh [outage-seconds]   (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
OUTAGE="${1:-120}"
./mvnw -B -q -pl notify-service -am test \
  -Dtest='NotifyLatencyBenchmark,NotifyOutageIT' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlayerwatch.bench.outage-seconds="$OUTAGE" -Dlayerwatch.bench.samples=20
grep -h "^notify " notify-service/target/surefire-reports/*NotifyLatencyBenchmark-output.txt \
  notify-service/target/surefire-reports/*NotifyOutageIT-output.txt
