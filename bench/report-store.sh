#!/usr/bin/env bash
# Issue #12 figures: IMAGES (default 50,000) scan results from 40 base images + per-image app layers, published to a
# real KRaft broker and stored by report-service's real consumer into a real PostgreSQL (Debian's postgresql package);
# then vulnerability->images, package->images and image-report latencies over the HTTP API. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
./mvnw -B -ntp verify -pl report-service -am -Dtest=ReportStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dimages=${IMAGES:-50000}" | grep -E "BENCHMARK|Tests run|ERROR" || true
cat report-service/target/report-store-benchmark.txt
