#!/usr/bin/env bash
# Vulnerability DB benchmark (not CI): import time and size for a synthetic full-scale OSV set,
# lookups/s, and the time to match 2,000 packages. Usage: bench/vulndb.sh [records] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
# one reactor run, so that the sibling modules resolve to their target/classes (nothing is installed)
./mvnw -B -q -o -pl scan-engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="scan-engine/target/test-classes:scan-engine/target/classes:$(cat scan-engine/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$CP" dev.layerwatch.engine.vulndb.VulnDbBenchmark "${1:-200000}" "${2:-$(mktemp -d)}"
