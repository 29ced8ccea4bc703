#!/usr/bin/env bash
# Byte-for-byte comparison of the CLI's reports from two builds (issue 9: "behaviour stays as it is").
# Builds one multi-layer OCI layout from the engine's test fixtures (dpkg over three layers, an rpm
# sqlite db, alpine, jars, npm/python/go, a whiteout, leaked secrets, a config with a secret in ENV),
# imports a vulnerability DB from the test feeds, then scans it with both CLI jars in every format.
#   bench/engine-report-compare.sh BEFORE.jar AFTER.jar [WORKDIR]
# Exit 0 when every report is identical (CycloneDX: but for its serial number and timestamp), 1 otherwise.
# Not run by CI.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
before=$1 after=$2 work=${3:-$(mktemp -d /tmp/lw-compare.XXXXXX)}
source "$here/bin/find-jdk"
res=$here/scan-engine/src/test/resources
mkdir -p "$work"

python3 - "$res" "$work/oci" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
res, out = sys.argv[1], sys.argv[2]
def tree(tar, root, prefix=""):
    for dirpath, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            if f in ("expected.txt", "dpkg-query.txt", "secrets.txt"):
                continue
            full = os.path.join(dirpath, f)
            rel = prefix + os.path.relpath(full, root)
            info = tar.gettarinfo(full, arcname=rel)
            info.uid = info.gid = 0; info.uname = info.gname = ""; info.mtime = 1700000000
            with open(full, "rb") as fh:
                tar.addfile(info, fh)
def empty(tar, name):
    info = tarfile.TarInfo(name); info.size = 0; info.mtime = 1700000000
    tar.addfile(info, io.BytesIO(b""))
def layer(*parts):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for p in parts:
            p(tar)
    data = raw.getvalue()
    gz = gzip.compress(data, mtime=0)
    return data, gz
layers = [
    layer(lambda t: tree(t, f"{res}/analysis/dpkg-multilayer/layer0")),
    layer(lambda t: tree(t, f"{res}/analysis/dpkg-multilayer/layer1")),
    layer(lambda t: tree(t, f"{res}/analysis/dpkg-multilayer/layer2"),
          lambda t: tree(t, f"{res}/ecosystem/rpm/sqlite"),
          lambda t: tree(t, f"{res}/ecosystem/alpine/installed", "opt/alpine/")),
    layer(lambda t: tree(t, f"{res}/ecosystem/java/plain"),
          lambda t: tree(t, f"{res}/ecosystem/java/spring-boot"),
          lambda t: tree(t, f"{res}/ecosystem/npm/lock-v3"),
          lambda t: tree(t, f"{res}/ecosystem/npm/yarn-classic"),
          lambda t: tree(t, f"{res}/ecosystem/python/installed"),
          lambda t: tree(t, f"{res}/ecosystem/golang/binary"),
          lambda t: tree(t, f"{res}/ecosystem/java/corrupt")),
    layer(lambda t: tree(t, f"{res}/secret/leaky-app/rootfs"),
          lambda t: empty(t, "srv/.wh.package-lock.json"),
          lambda t: empty(t, "usr/bin/apt")),
]
blobs = os.path.join(out, "blobs", "sha256"); os.makedirs(blobs, exist_ok=True)
def put(data):
    d = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, d), "wb") as f:
        f.write(data)
    return "sha256:" + d, len(data)
descs, diff_ids = [], []
for raw, gz in layers:
    dg, size = put(gz)
    descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": dg, "size": size})
    diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
config = {"architecture": "amd64", "os": "linux",
          "config": {"Env": ["PATH=/usr/bin", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"], "User": ""},
          "rootfs": {"type": "layers", "diff_ids": diff_ids},
          "history": [{"created_by": "/bin/sh -c #(nop) ADD file:fixture in /"} for _ in layers]}
cdg, csize = put(json.dumps(config, sort_keys=True).encode())
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cdg, "size": csize},
            "layers": descs}
mdg, msize = put(json.dumps(manifest, sort_keys=True).encode())
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
               "digest": mdg, "size": msize, "annotations": {"org.opencontainers.image.ref.name": "fixture"}}]}, f)
with open(os.path.join(out, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
print(mdg)
PY

feeds=$here/cli/src/test/resources/vulnscan/feeds
java -jar "$before" db import --db "$work/db" --osv "$res/osv/real" --osv "$feeds/osv" \
  --debian-tracker "$res/debian-tracker/sample/sample.json" --debian-tracker "$feeds/debian-tracker-chromium.json" \
  --alpine-secdb "$res/alpine-secdb/v3.18/main.json" >"$work/db-import.log" 2>&1

status=0
for format in json cyclonedx sarif table; do
  for side in before after; do
    jar=$before; [ "$side" = after ] && jar=$after
    set +e
    java -jar "$jar" scan "oci-layout:$work/oci:fixture" --db "$work/db" --format "$format" \
      >"$work/$side.$format" 2>"$work/$side.$format.err"
    echo $? >"$work/$side.$format.rc"
    java -jar "$jar" sbom "oci-layout:$work/oci:fixture" --format "$format" >"$work/$side.sbom.$format" 2>/dev/null
    set -e
  done
  for kind in "" sbom.; do
    if [ "$format" = cyclonedx ]; then # a BOM carries a fresh serial number and timestamp on every run
      sed -i -E 's/"serialNumber" : "[^"]*"/"serialNumber" : "-"/; s/"timestamp" : "[^"]*"/"timestamp" : "-"/' \
        "$work/before.$kind$format" "$work/after.$kind$format"
    fi
    if cmp -s "$work/before.$kind$format" "$work/after.$kind$format" && cmp -s "$work/before.$format.rc" "$work/after.$format.rc"; then
      echo "SAME ${kind:-scan.}$format ($(wc -c <"$work/after.$kind$format") bytes, exit $(cat "$work/after.$format.rc"))"
    else
      echo "DIFF ${kind:-scan.}$format"; diff <(head -c 20000 "$work/before.$kind$format") <(head -c 20000 "$work/after.$kind$format") | head -20; status=1
    fi
  done
done
echo "work dir: $work"
exit $status
