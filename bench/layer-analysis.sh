#!/usr/bin/env bash
# Layer analysis benchmark (not run in CI).
#   bench/layer-analysis.sh [LAYER.tar.gz]...  compare full analysis / bare JDK inflate / gzip -dc on each blob
#                                            (default: the debian-base and java-app layers that
#                                            shared/tools/real-registry/build-images.sh writes under
#                                            $IMAGES (/tmp/real-images), else a debootstrap-like layer made
#                                            from this host's /etc, /var/lib/dpkg, /usr/sbin, python and perl trees)
#   ROUNDS=5        rounds per contender (interleaved; medians reported)
#   RSS_GIB=1       size of the generated layer for the peak-RSS run with -Xmx256m (0 skips it)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
source "$here/bin/find-jdk"
work=${BENCH_DIR:-/tmp/layerwatch-bench}
mkdir -p "$work"

cd "$here"
./mvnw -B -q -o -pl scan-engine -am test-compile >&2
./mvnw -B -q -o -pl scan-engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2
cp="$here/scan-engine/target/test-classes:$here/scan-engine/target/classes:$(cat "$work/cp.txt")"
main=dev.layerwatch.engine.analysis.LayerAnalysisBenchmark

# the layer blobs of an OCI layout's first manifest, in order
oci_layers() { python3 - "$1" <<'PY'
import json, sys
root = sys.argv[1]
index = json.load(open(root + "/index.json"))
blob = lambda d: root + "/blobs/" + d.replace(":", "/")
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
print("\n".join(blob(l["digest"]) for l in manifest["layers"]))
PY
}

layers=("$@")
if [ ${#layers[@]} -eq 0 ]; then
  images=${IMAGES:-/tmp/real-images}/oci
  if [ -d "$images/debian-base" ] && [ -d "$images/java-app" ]; then
    mapfile -t layers < <(oci_layers "$images/java-app")   # the debootstrap rootfs, then the /app jars
  else
    layer="$work/host-rootfs-layer.tar.gz"
    if [ ! -f "$layer" ]; then
      echo "building $layer from host trees..." >&2
      tar -C / -cf - --ignore-failed-read etc var/lib/dpkg usr/sbin usr/lib/python3 usr/share/perl5 \
          usr/lib/x86_64-linux-gnu/perl-base 2>/dev/null | gzip -6 > "$layer" || true
    fi
    layers=("$layer")
  fi
fi
for layer in "${layers[@]}"; do
  echo "== same blob: full analysis vs bare java.util.zip inflate vs gzip -dc (cpu: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xmx1g -cp "$cp" "$main" compare "$layer" "${ROUNDS:-5}"
  echo "   (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
done

if [ "${RSS_GIB:-1}" != "0" ]; then
  big="$work/generated-${RSS_GIB:-1}g.tar.gz"
  if [ ! -f "$big" ]; then
    java -Xmx256m -cp "$cp" "$main" generate "$big" $(( ${RSS_GIB:-1} * 1024 * 1024 * 1024 ))
  fi
  echo "== peak RSS analysing $big with -Xmx256m (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xmx256m -cp "$cp" "$main" analyze "$big"
fi
