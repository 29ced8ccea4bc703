#!/usr/bin/env bash
# Java identity benchmark (not part of CI): every <artifact>-<version>.jar of a local Maven repository is catalogued
# as if it sat in an image's /app/lib (file name + content only); the repository path is the truth. Prints the share
# of jars whose group is right, how many groups are flagged as guessed, and how many are wrong without a flag.
# Usage: bench/java-identity.sh [repository, default ~/.m2/repository]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/find-jdk
./mvnw -B -q -o -pl scan-engine -am test-compile
./mvnw -B -q -o -pl scan-engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="scan-engine/target/test-classes:scan-engine/target/classes:common/target/classes:$(cat scan-engine/target/bench-classpath.txt)"
exec java -cp "$CP" dev.layerwatch.engine.ecosystem.java.JavaIdentityBenchmark "${1:-$HOME/.m2/repository}"
