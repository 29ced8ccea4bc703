#!/usr/bin/env bash
# Issue #2 figure: time from a registry push to the Slack POST, median of 20 pushes, through the whole standalone
# (real docker-registry, embedded Kafka, redis-server). Needs docker-registry and redis-server installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
./mvnw -B -q -ntp -DskipTests install -pl standalone -am
./mvnw -B -ntp test -pl standalone -Dtest=PushToNotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dpushes="${PUSHES:-20}" \
  | grep -E "BENCHMARK|Tests run|ERROR" || true
cat standalone/target/push-to-notification.txt
